import { defineConfig } from 'drizzle-kit'

// `generate` needs no database; `DATABASE_URL` only matters for drizzle-kit's studio/check commands.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
  schemaFilter: ['app'],
  strict: true,
  verbose: true,
  migrations: { schema: 'app', table: '__drizzle_migrations' },
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
})
