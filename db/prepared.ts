import type { Database } from './client.js'

/**
 * A statement built once per database and then only executed: drizzle skips building its SQL on
 * every call (the largest share of a busy bot's CPU outside the database), and PostgreSQL plans it
 * once per connection. For the queries that run on every update or every tap of a crowd.
 */
export function preparedStatement<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>()
  return (db) => {
    let statement = built.get(db)
    if (statement === undefined) {
      statement = build(db)
      built.set(db, statement)
    }
    return statement
  }
}
