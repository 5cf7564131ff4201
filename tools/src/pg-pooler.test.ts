import { connect } from 'node:net'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabaseIfMissing, dropDatabase, withDatabase } from './database.ts'
import { startPgPooler } from './pg-pooler/index.ts'
import { MessageReader } from './pg-pooler/message-reader.ts'
import { message, startupMessage } from './pg-pooler/messages.ts'
import { scramClientFinal, scramClientFirst, scramServerFinalValid } from './pg-pooler/scram.ts'

// The local stand-in for Hyperdrive's pool, through postgres.js configured as the Worker's
// (drizzle/src/index.ts createDb: prepare off, no type fetch). Its own database on DATABASE_URL's
// server; each pooler names its server connections, so pg_stat_activity shows exactly its backends.

const serverUrl = process.env.DATABASE_URL
if (!serverUrl) throw new Error('tools tests need DATABASE_URL (a Postgres server; ./kairo test sets it)')
const database = `kairo_pg_pooler_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
const databaseUrl = withDatabase(serverUrl, database)

let direct: postgres.Sql
let poolers = 0

async function pooled(size: number) {
  const applicationName = `kairo-pooler-test-${++poolers}`
  const pooler = await startPgPooler({ databaseUrl, port: 0, size, applicationName })
  const clients: postgres.Sql[] = []
  const client = () => {
    const sql = postgres(pooler.url, { max: 1, prepare: false, fetch_types: false, onnotice: () => {} })
    clients.push(sql)
    return sql
  }
  const backends = async () => {
    const rows = await direct<{ pid: number }[]>`
      select pid from pg_stat_activity where application_name = ${applicationName} and datname = ${database}`
    return rows.map((row) => row.pid)
  }
  const stop = async () => {
    await Promise.all(clients.map((sql) => sql.end({ timeout: 1 })))
    await pooler.stop()
  }
  return { pooler, client, backends, stop }
}

beforeAll(async () => {
  await createDatabaseIfMissing(serverUrl, database)
  direct = postgres(databaseUrl, { max: 2, onnotice: () => {} })
  await direct`create table counter (client int not null, round int not null, backend int not null)`
  await direct`create table locked (id int primary key, v int not null)`
  await direct`insert into locked values (1, 0)`
})

afterAll(async () => {
  await direct?.end()
  await dropDatabase(serverUrl, database)
})

describe('pg-pooler', () => {
  it('runs queries with parameters, and reports server errors as postgres errors', async () => {
    const { client, stop } = await pooled(2)
    try {
      const sql = client()
      const [row] = await sql`select ${'pool'}::text || ${'ed'} as word, ${41}::int + 1 as n, now() as at`
      expect(row?.word).toBe('pooled')
      expect(row?.n).toBe(42)
      expect(row?.at).toBeInstanceOf(Date)

      const failure = await sql`select 1 / ${0}::int`.then(
        () => new Error('expected a rejection'),
        (error: unknown) => error,
      )
      expect(failure).toBeInstanceOf(postgres.PostgresError)
      expect((failure as postgres.PostgresError).code).toBe('22012')
      // A failed transaction rolls back and its connection stays usable.
      await expect(
        sql.begin(async (tx) => {
          await tx`insert into locked values (99, 0)`
          await tx`select nope`
        }),
      ).rejects.toMatchObject({ code: '42703' })
      expect(await sql`select count(*)::int as n from locked where id = 99`).toEqual([{ n: 0 }])
      expect(await client()`select 2 as n`).toEqual([{ n: 2 }])
    } finally {
      await stop()
    }
  })

  it('serves 40 clients from 3 backends', async () => {
    const { client, backends, stop } = await pooled(3)
    let most = 0
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        most = Math.max(most, (await backends()).length)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()
    try {
      await Promise.all(
        Array.from({ length: 40 }, async (_, id) => {
          const sql = client()
          for (let round = 0; round < 5; round++) {
            await sql.begin(async (tx) => {
              await tx`select pg_sleep(0.002)`
              await tx`insert into counter values (${id}, ${round}, pg_backend_pid())`
            })
          }
        }),
      )
    } finally {
      sampling = false
      await sampler
      await stop()
    }
    const [row] =
      await direct`select count(*)::int as n, count(distinct backend)::int as backends from counter`
    expect(row?.n).toBe(200)
    expect(row?.backends).toBeLessThanOrEqual(3)
    expect(most).toBeGreaterThan(0)
    expect(most).toBeLessThanOrEqual(3)
  }, 60_000)

  it('keeps a transaction on one backend, and lends that warm backend to the next client', async () => {
    const { client, backends, stop } = await pooled(3)
    try {
      const [first, second] = await client().begin(async (tx) => {
        const [a] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`
        await tx`select pg_sleep(0.01)`
        const [b] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`
        return [a?.pid, b?.pid]
      })
      expect(second).toBe(first)
      const [next] = await client()<{ pid: number }[]>`select pg_backend_pid() as pid`
      expect(next?.pid).toBe(first)
      expect(await backends()).toEqual([first])
    } finally {
      await stop()
    }
  })

  it('drops the server connection of a client killed mid-transaction, so its locks go with it', async () => {
    const { pooler, client, backends, stop } = await pooled(2)
    try {
      // A raw client: start-up, then a simple query that takes a row lock and leaves the transaction open.
      const url = new URL(pooler.url)
      const socket = connect({ host: url.hostname, port: Number(url.port) })
      const reader = new MessageReader({ typed: true })
      let readies = 0
      const inTransaction = new Promise<void>((resolve, reject) => {
        socket.on('error', reject)
        socket.on('data', (chunk: Buffer) => {
          reader.push(chunk)
          for (let m = reader.next(); m; m = reader.next()) {
            if (m.type === 'E') reject(new Error('the raw client got an error'))
            if (m.type !== 'Z') continue
            readies++
            if (readies === 1) {
              const query = 'begin; select v from locked where id = 1 for update'
              socket.write(message('Q', Buffer.from(`${query}\0`)))
            } else if (String.fromCharCode(m.body[0] as number) === 'T') resolve()
          }
        })
      })
      socket.write(startupMessage({ user: 'anyone', database }))
      await inTransaction
      const [held] = await backends()
      // The lock is real: while the raw client lives, an update of the row waits and times out.
      await expect(
        direct.begin(async (tx) => {
          await tx`set local lock_timeout = '100ms'`
          await tx`update locked set v = v + 1 where id = 1`
        }),
      ).rejects.toMatchObject({ code: '55P03' })
      socket.destroy()

      const started = performance.now()
      await client().begin(async (tx) => {
        await tx`set local lock_timeout = '3s'`
        await tx`update locked set v = v + 1 where id = 1`
      })
      expect(performance.now() - started).toBeLessThan(3000)
      expect(await direct`select v from locked where id = 1`).toEqual([{ v: 1 }])
      expect(await backends()).not.toContain(held)
    } finally {
      await stop()
    }
  })
})

describe('pg-pooler framing and SCRAM', () => {
  it('reads messages split across chunks and merged within one', () => {
    const stream = Buffer.concat([message('Z', Buffer.from('I')), message('C', Buffer.from('SELECT 1\0'))])
    const oneByteAtATime = new MessageReader({ typed: true })
    const types: string[] = []
    for (const byte of stream) {
      oneByteAtATime.push(Buffer.from([byte]))
      for (let m = oneByteAtATime.next(); m; m = oneByteAtATime.next()) types.push(m.type)
    }
    const merged = new MessageReader({ typed: true })
    merged.push(Buffer.concat([stream, stream.subarray(0, 3)]))
    const whole = [merged.next(), merged.next(), merged.next()]
    expect(types).toEqual(['Z', 'C'])
    expect(whole.map((m) => m?.type)).toEqual(['Z', 'C', undefined])
    expect(whole[1]?.body.toString()).toBe('SELECT 1\0')
  })

  it('computes the RFC 7677 example exchange', () => {
    const first = scramClientFirst('user', 'rOprNGfwEbeRWgbNEkqO')
    expect(first.message).toBe('n,,n=user,r=rOprNGfwEbeRWgbNEkqO')
    const serverFirst =
      'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096'
    const final = scramClientFinal(first, serverFirst, 'pencil')
    if (final instanceof Error) throw final
    expect(final.message).toBe(
      'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
    )
    expect(scramServerFinalValid(final, 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')).toBe(true)
    expect(scramServerFinalValid(final, 'v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')).toBe(false)
    expect(
      scramClientFinal(first, 'r=someoneElsesNonce,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096', 'pencil'),
    ).toBeInstanceOf(Error)
  })
})
