import { defineConfig } from 'drizzle-kit'

// Only `drizzle-kit generate` uses this file: migrations are applied from code at start-up
// (db/migrate.ts), because drizzle-kit's own migrate cannot load PGlite's contrib extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
})
