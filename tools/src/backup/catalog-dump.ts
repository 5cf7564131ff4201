import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Readable } from 'node:stream'
import postgres from 'postgres'
import { UserFacingError } from '../log.ts'

/** The schemas a backup holds (DESIGN.md "One Postgres, two owners"). */
export const KAIRO_SCHEMAS = ['app', 'payload'] as const

export const CATALOG_DUMP_VERSION = 1

type Tx = postgres.TransactionSql

/**
 * Dumps `app` and `payload` as a plain SQL script in pg_dump's plain format (DDL, `COPY … FROM stdin`
 * data blocks, sequence values, then constraints, indexes and triggers), for servers no installed
 * pg_dump can read: the embedded PostgreSQL 18 ships no client tools, and an older pg_dump refuses a
 * newer server. Everything is read in one REPEATABLE READ READ ONLY transaction, so both schemas come
 * from one snapshot, as with pg_dump.
 *
 * It covers what Kairo's migrations create (tables, sequences, identity and generated columns,
 * enums, functions, constraints, indexes, triggers, table and column comments) and refuses, naming
 * it, anything else (views, domains, policies…) rather than write an archive that restores less.
 */
export async function catalogDump(databaseUrl: string, out: string): Promise<{ tool: string }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  const file = createWriteStream(out)
  const put = async (text: string | Uint8Array) => {
    if (!file.write(text)) await once(file, 'drain')
  }
  const schemas = [...KAIRO_SCHEMAS]
  try {
    const tool = await sql.begin('isolation level repeatable read read only', async (tx) => {
      // Catalog functions qualify every name outside the search path: with an empty one, all of them.
      await tx`select pg_catalog.set_config('search_path', '', true)`
      const [row] = await tx<{ version: string }[]>`select current_setting('server_version') as version`
      const tool = `kairo catalog dump ${CATALOG_DUMP_VERSION} (PostgreSQL ${row?.version})`
      await assertSupported(tx, schemas)
      await put(
        `-- ${tool} of the schemas ${schemas.join(', ')}: no pg_dump of this server's version was found.\n` +
          "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n" +
          "SET check_function_bodies = false;\nSELECT pg_catalog.set_config('search_path', '', false);\n\n",
      )
      const lines = async (query: Promise<{ ddl: string }[]>) => {
        for (const row of await query) await put(`${row.ddl}\n`)
        await put('\n')
      }
      await lines(tx`
        select format('CREATE SCHEMA %I;', nspname) as ddl from pg_namespace
        where nspname = any(${schemas}) order by nspname`)
      await lines(tx`
        select format('CREATE TYPE %I.%I AS ENUM (%s);', n.nspname, t.typname,
          (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
           from pg_enum e where e.enumtypid = t.oid)) as ddl
        from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = any(${schemas}) and t.typtype = 'e' order by n.nspname, t.typname`)
      await lines(tx`
        select pg_get_functiondef(p.oid) || ';' as ddl
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any(${schemas}) and p.prokind in ('f', 'p') order by n.nspname, p.proname, p.oid`)
      const sequences = await tx<SequenceRow[]>`
        select n.nspname as schema, c.relname as name, dep.deptype as owned,
          owner_ns.nspname as table_schema, owner.relname as table_name, a.attname as column_name,
          format('CREATE SEQUENCE %I.%I AS %s START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s;',
            n.nspname, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin,
            s.seqmax, s.seqcache, case when s.seqcycle then ' CYCLE' else '' end) as ddl
        from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
        left join pg_depend dep on dep.classid = 'pg_class'::regclass and dep.objid = c.oid
          and dep.refclassid = 'pg_class'::regclass and dep.deptype in ('a', 'i')
        left join pg_class owner on owner.oid = dep.refobjid
        left join pg_namespace owner_ns on owner_ns.oid = owner.relnamespace
        left join pg_attribute a on a.attrelid = dep.refobjid and a.attnum = dep.refobjsubid
        where n.nspname = any(${schemas}) order by n.nspname, c.relname`
      for (const sequence of sequences) if (sequence.owned !== 'i') await put(`${sequence.ddl}\n`)
      const tables = await tableDefinitions(tx, schemas)
      for (const table of tables) await put(`\n${table.ddl}\n`)
      for (const s of sequences) {
        if (s.owned === 'a')
          await put(
            `ALTER SEQUENCE ${ident(s.schema, s.name)} OWNED BY ${ident(s.table_schema, s.table_name, s.column_name)};\n`,
          )
      }
      await put('\n')
      for (const table of tables) {
        const columns = table.columns.map((column) => ident(column)).join(', ')
        await put(`COPY ${ident(table.schema, table.name)} (${columns}) FROM stdin;\n`)
        const data = await tx
          .unsafe(`COPY ${ident(table.schema, table.name)} (${columns}) TO STDOUT`)
          .readable()
        for await (const chunk of data) await put(chunk as Uint8Array)
        resumeAfterCopy(data)
        await put('\\.\n\n')
      }
      for (const s of sequences) {
        const [value] = await tx.unsafe<{ last_value: string; is_called: boolean }[]>(
          `select last_value, is_called from ${ident(s.schema, s.name)}`,
        )
        const target =
          s.owned === 'i'
            ? `pg_catalog.pg_get_serial_sequence(${literal(ident(s.table_schema, s.table_name))}, ${literal(s.column_name)})`
            : literal(ident(s.schema, s.name))
        await put(`SELECT pg_catalog.setval(${target}, ${value?.last_value}, ${value?.is_called});\n`)
      }
      await put('\n')
      await lines(constraints(tx, schemas, false))
      await lines(tx`
        select pg_get_indexdef(i.indexrelid) || ';' as ddl
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any(${schemas}) and not exists (
          select 1 from pg_constraint con
          where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x'))
        order by n.nspname, c.relname`)
      await lines(constraints(tx, schemas, true))
      await lines(tx`
        select pg_get_triggerdef(t.oid) || ';' ||
          case when t.tgenabled = 'D' then format(E'\nALTER TABLE %s DISABLE TRIGGER %I;', t.tgrelid::regclass, t.tgname)
          else '' end as ddl
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any(${schemas}) and not t.tgisinternal order by n.nspname, c.relname, t.tgname`)
      await lines(tx`
        select case when d.objsubid = 0 then format('COMMENT ON TABLE %I.%I IS %L;', n.nspname, c.relname, d.description)
          else format('COMMENT ON COLUMN %I.%I.%I IS %L;', n.nspname, c.relname, a.attname, d.description) end as ddl
        from pg_description d join pg_class c on d.classoid = 'pg_class'::regclass and c.oid = d.objoid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid
        where n.nspname = any(${schemas}) and c.relkind = 'r' order by n.nspname, c.relname, d.objsubid`)
      return tool
    })
    return { tool }
  } finally {
    file.end()
    await once(file, 'close')
    await sql.end({ timeout: 5 })
  }
}

/**
 * postgres.js pauses its socket when a COPY stream's buffer is full and resumes it only from that
 * stream's `read()`. When the pause falls on the last chunk, the ended stream never reads again and
 * the connection stays paused, so the next query waits forever (seen on the 1,000-case-study backup;
 * porsager/postgres#917). Calling the stream's read hook once more resumes the socket.
 */
function resumeAfterCopy(stream: Readable): void {
  ;(stream as Readable & { _read(size: number): void })._read(0)
}

interface SequenceRow {
  schema: string
  name: string
  /** 'a': a serial column's sequence (OWNED BY), 'i': an identity column's, null: free-standing. */
  owned: 'a' | 'i' | null
  table_schema: string
  table_name: string
  column_name: string
  ddl: string
}

interface TableDefinition {
  schema: string
  name: string
  ddl: string
  /** The columns that hold data (generated ones are computed again on restore). */
  columns: string[]
}

async function tableDefinitions(tx: Tx, schemas: string[]): Promise<TableDefinition[]> {
  const rows = await tx<
    {
      schema: string
      table: string
      unlogged: boolean
      column: string
      type: string
      not_null: boolean
      identity: string
      generated: string
      default: string | null
      collation: string | null
    }[]
  >`
    select n.nspname as schema, c.relname as table, c.relpersistence = 'u' as unlogged,
      a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
      a.attidentity as identity, a.attgenerated as generated, pg_get_expr(ad.adbin, ad.adrelid) as default,
      case when a.attcollation <> 0 and a.attcollation <> t.typcollation then
        (select format('%I.%I', cn.nspname, co.collname) from pg_collation co
         join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    where n.nspname = any(${schemas}) and c.relkind = 'r'
    order by n.nspname, c.relname, a.attnum`
  const tables = new Map<
    string,
    { schema: string; name: string; unlogged: boolean; defs: string[]; columns: string[] }
  >()
  for (const row of rows) {
    const id = `${row.schema}.${row.table}`
    let table = tables.get(id)
    if (!table) {
      table = { schema: row.schema, name: row.table, unlogged: row.unlogged, defs: [], columns: [] }
      tables.set(id, table)
    }
    let def = `    ${ident(row.column)} ${row.type}`
    if (row.collation) def += ` COLLATE ${row.collation}`
    if (row.generated === 's' || row.generated === 'v')
      def += ` GENERATED ALWAYS AS (${row.default}) ${row.generated === 's' ? 'STORED' : 'VIRTUAL'}`
    else if (row.default !== null) def += ` DEFAULT ${row.default}`
    if (row.identity) def += ` GENERATED ${row.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`
    if (row.not_null) def += ' NOT NULL'
    table.defs.push(def)
    if (!row.generated) table.columns.push(row.column)
  }
  return [...tables.values()].map((table) => ({
    schema: table.schema,
    name: table.name,
    columns: table.columns,
    ddl: `CREATE ${table.unlogged ? 'UNLOGGED ' : ''}TABLE ${ident(table.schema, table.name)} (\n${table.defs.join(',\n')}\n);`,
  }))
}

/** Keys, unique, exclusion and check constraints (`foreign` false), or foreign keys (true), last. */
function constraints(tx: Tx, schemas: string[], foreign: boolean) {
  return tx<{ ddl: string }[]>`
    select format('ALTER TABLE ONLY %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname, con.conname,
      pg_get_constraintdef(con.oid)) as ddl
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(${schemas}) and c.relkind = 'r'
      and con.contype = any(${foreign ? ['f'] : ['p', 'u', 'x', 'c']})
    order by array_position(array['p', 'u', 'x', 'c', 'f'], con.contype::text), n.nspname, c.relname, con.conname`
}

/** Refuses, naming each, the kinds of objects this dump does not recreate. */
async function assertSupported(tx: Tx, schemas: string[]): Promise<void> {
  const rows = await tx<{ what: string }[]>`
    select format('%s %I.%I', case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
      when 'p' then 'partitioned table' when 'f' then 'foreign table' when 'c' then 'composite type'
      else 'relation of kind ' || c.relkind::text end, n.nspname, c.relname) as what
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(${schemas}) and c.relkind not in ('r', 'i', 'S', 't')
    union all
    select format('row-level security on %I.%I', n.nspname, c.relname)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(${schemas}) and (c.relrowsecurity or c.relispartition)
    union all
    select format('%s type %I.%I', case t.typtype when 'd' then 'domain' when 'r' then 'range'
      else 'multirange' end, n.nspname, t.typname)
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = any(${schemas}) and t.typtype in ('d', 'r', 'm')
    union all
    select format('inheritance of %s', i.inhrelid::regclass)
    from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(${schemas})
    union all
    select format('rule %I on %I.%I', r.rulename, n.nspname, c.relname)
    from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(${schemas}) and c.relkind = 'r'
    union all
    select format('aggregate %I.%I', n.nspname, p.proname)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any(${schemas}) and p.prokind in ('a', 'w')
    union all
    select format('constraint trigger %I', con.conname)
    from pg_constraint con join pg_namespace n on n.oid = con.connamespace
    where n.nspname = any(${schemas}) and con.contype = 't'`
  if (rows.length > 0) {
    throw new UserFacingError(
      `the built-in dump cannot copy ${rows.map((row) => row.what).join(', ')}; ` +
        "install a pg_dump of the server's major version (or set PG_DUMP_PATH to one) and run the backup again",
    )
  }
}

/** A quoted, dot-joined SQL identifier. */
function ident(...parts: string[]): string {
  return parts.map((part) => `"${part.replaceAll('"', '""')}"`).join('.')
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
