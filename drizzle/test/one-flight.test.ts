import { connect, createServer, type Socket } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../src/index.ts'
import { requireDatabaseUrl } from './database.ts'

// The Worker's client (`createDb`) sends each statement in one flight: the patched postgres.js
// (patches/README.md) no longer waits for the server to describe a parameterized statement before
// binding it. Measured through a TCP proxy that counts the client's flights: the writes it makes
// after each answer from the server. Two flights for one statement would be two round trips to the
// database on every request, through Hyperdrive to the origin in production.

interface FlightCounter {
  port: number
  /** Client writes since the last reset that followed an answer from Postgres (a new flight). */
  flights: () => number
  reset: () => void
  /** Drops the open connections and stops listening. */
  close: () => Promise<void>
}

async function startFlightCounter(target: URL): Promise<FlightCounter> {
  let flights = 0
  let answeredSinceLastWrite = true
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname)
    sockets.add(client).add(upstream)
    client.on('data', (chunk) => {
      if (answeredSinceLastWrite) flights++
      answeredSinceLastWrite = false
      upstream.write(chunk)
    })
    upstream.on('data', (chunk) => {
      answeredSinceLastWrite = true
      client.write(chunk)
    })
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the proxy has no port')
  return {
    port: address.port,
    flights: () => flights,
    reset: () => {
      flights = 0
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

describe('createDb: one flight per statement', () => {
  let counter: FlightCounter
  let proxiedUrl: string

  beforeAll(async () => {
    const target = new URL(requireDatabaseUrl())
    counter = await startFlightCounter(target)
    const proxied = new URL(target)
    proxied.hostname = '127.0.0.1'
    proxied.port = String(counter.port)
    proxiedUrl = proxied.toString()
  })

  afterAll(() => counter.close())

  it('sends a parameterized statement, and the next one, without waiting for a describe', async () => {
    const { db, close } = createDb(proxiedUrl)
    try {
      await db.execute(sql`select 1`) // connect and authenticate first: those flights are not counted
      counter.reset()
      const [row] = await db.execute<{ sum: number; label: string }>(
        sql`select ${40}::int + ${2}::int as sum, ${'ünïcode'}::text as label`,
      )
      expect(row).toMatchObject({ sum: 42, label: 'ünïcode' })
      expect(counter.flights()).toBe(1)

      counter.reset()
      // A boolean and bytes, parameter types the client infers itself (a session lookup sends bytes).
      const [typed] = await db.execute<{ before: boolean; hex: string }>(
        sql`select ${true} and ${'2026-01-01T00:00:00Z'}::timestamptz < now() as before,
          encode(${new Uint8Array([0xca, 0xfe])}::bytea, 'hex') as hex`,
      )
      expect(typed).toEqual({ before: true, hex: 'cafe' })
      expect(counter.flights()).toBe(1)
    } finally {
      await close()
    }
  })

  it('still reports a bad parameter as the server sees it, and the connection stays usable', async () => {
    const { db, close } = createDb(proxiedUrl)
    try {
      const failure = await db.execute(sql`select ${'not a number'}::int as n`).catch((error) => error)
      expect(String(failure?.cause)).toMatch(/invalid input syntax for type integer/)
      const [row] = await db.execute<{ n: number }>(sql`select ${7}::int as n`)
      expect(row?.n).toBe(7)
    } finally {
      await close()
    }
  })
})
