import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationsFolder } from '@kairo/db/migrate'
import type postgres from 'postgres'
import { packageDir } from '../paths.ts'
import { KAIRO_SCHEMAS } from './catalog-dump.ts'
import type { AppliedMigrations } from './manifest.ts'

/** The server's version: the full text for the manifest, the major number to pick a pg_dump. */
export async function serverVersion(sql: postgres.Sql): Promise<{ text: string; major: number }> {
  const [row] = await sql<{ text: string; num: string }[]>`
    select current_setting('server_version') as text, current_setting('server_version_num') as num`
  return { text: row?.text ?? 'unknown', major: Math.floor(Number(row?.num) / 10000) }
}

/**
 * How many objects Kairo's schemas hold (tables, sequences, types, functions): 0 means an empty
 * target a restore may fill without `--force`.
 */
export async function kairoObjectCount(sql: postgres.Sql | postgres.TransactionSql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select (
      (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any(${[...KAIRO_SCHEMAS]}))
      + (select count(*) from pg_type t join pg_namespace n on n.oid = t.typnamespace
         where n.nspname = any(${[...KAIRO_SCHEMAS]}) and t.typtype = 'e')
      + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = any(${[...KAIRO_SCHEMAS]}))
    )::int as count`
  return row?.count ?? 0
}

/** The migrations recorded as applied in the database (empty lists for a schema not there). */
export async function appliedMigrations(
  sql: postgres.Sql | postgres.TransactionSql,
): Promise<AppliedMigrations> {
  const [tables] = await sql<{ app: string | null; payload: string | null }[]>`
    select to_regclass('app.__drizzle_migrations')::text as app,
      to_regclass('payload.payload_migrations')::text as payload`
  const app = tables?.app
    ? (
        await sql<
          { when: string }[]
        >`select created_at::text as when from app.__drizzle_migrations order by id`
      ).map((row) => Number(row.when))
    : []
  // Note: Payload records schema pushes as a row named `dev`; Kairo never pushes (README), skip it anyway.
  const payload = tables?.payload
    ? (
        await sql<
          { name: string }[]
        >`select name from payload.payload_migrations where name <> 'dev' order by id`
      ).map((row) => row.name)
    : []
  return { app, payload }
}

/** The migrations this checkout has: drizzle-kit's journal and Payload's migration files. */
export function knownMigrations(): AppliedMigrations {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[]
  }
  const payload = readdirSync(join(packageDir.cms, 'src', 'migrations'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -'.ts'.length))
  return { app: journal.entries.map((entry) => entry.when), payload }
}

/** Drops Kairo's schemas inside the restore's transaction (`--force`, or empty leftovers). */
export async function dropKairoSchemas(tx: postgres.TransactionSql): Promise<void> {
  for (const schema of KAIRO_SCHEMAS) await tx.unsafe(`drop schema if exists "${schema}" cascade`)
}
