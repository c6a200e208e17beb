import { defineConfig } from 'drizzle-kit'

// Only `npm run db:generate` (drizzle-kit generate) uses this file. Migrations are applied by the
// app itself when it opens the database (openDatabase in db/client.ts; on PostgreSQL under the
// advisory lock of db/migrate.ts, so several instances can start at once), never by
// `drizzle-kit migrate`, which cannot load PGlite's contrib extensions (cube, earthdistance, pg_trgm).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
})
