import { env } from 'cloudflare:workers'
import { createDb, outbox } from '@kairo/db'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { sendOutbox } from '../src/outbox/send.ts'

// A kind of this run's own, so the shared database's other outbox rows are never touched.
const kind = `test.${crypto.randomUUID()}`
const client = createDb(env.HYPERDRIVE.connectionString, { max: 2 })

afterAll(async () => {
  await client.db.delete(outbox).where(eq(outbox.kind, kind))
  await client.close()
})

describe('sendOutbox', () => {
  it('marks delivered messages sent, records failures, and sends nothing twice', async () => {
    await client.db.insert(outbox).values([
      { kind, payload: { n: 1 } },
      { kind, payload: { n: 2, fail: true } },
    ])
    const delivered: unknown[] = []
    const sender = {
      async send(message: { payload: Record<string, unknown> }) {
        if (message.payload.fail) throw new Error('provider said no')
        delivered.push(message.payload.n)
      },
    }
    expect(await sendOutbox(client.db, sender, { kinds: [kind] })).toEqual({ sent: 1, failed: 1 })
    expect(delivered).toEqual([1])

    const rows = await client.db.select().from(outbox).where(eq(outbox.kind, kind))
    const ok = rows.find((r) => r.payload.n === 1)
    const bad = rows.find((r) => r.payload.n === 2)
    expect(ok).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) })
    expect(bad).toMatchObject({ attempts: 1, lastError: 'provider said no', sentAt: null })

    // The sent one is not sent again; the failed one is retried until maxAttempts.
    expect(await sendOutbox(client.db, sender, { kinds: [kind], maxAttempts: 2 })).toEqual({
      sent: 0,
      failed: 1,
    })
    expect(await sendOutbox(client.db, sender, { kinds: [kind], maxAttempts: 2 })).toEqual({
      sent: 0,
      failed: 0,
    })
    expect(delivered).toEqual([1])
  })
})
