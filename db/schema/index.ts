export * from './users.js'
export * from './stations.js'
