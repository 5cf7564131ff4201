import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { createDb, outbox, rateLimits } from '@kairo/db'
import { inArray, like } from 'drizzle-orm'
import { afterAll, expect, it } from 'vitest'
import worker from '../src/index.ts'

const prefix = `maintenance-${crypto.randomUUID().slice(0, 8)}`
const client = createDb(env.HYPERDRIVE.connectionString, { max: 1 })
afterAll(async () => {
  await client.db.delete(rateLimits).where(like(rateLimits.key, `${prefix}%`))
  await client.close()
})

it('the nightly cron deletes rate-limit windows older than a day and keeps recent ones', async () => {
  const hour = 60 * 60 * 1000
  await client.db.insert(rateLimits).values([
    { key: `${prefix}:old`, windowStart: new Date(Date.now() - 30 * hour), count: 7 },
    { key: `${prefix}:recent`, windowStart: new Date(Date.now() - 2 * hour), count: 3 },
  ])
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }), env, ctx)
  await waitOnExecutionContext(ctx)
  const left = await client.db
    .select()
    .from(rateLimits)
    .where(like(rateLimits.key, `${prefix}%`))
  expect(left.map((row) => row.key)).toEqual([`${prefix}:recent`])
})

it('the nightly cron deletes outbox messages delivered over 30 days ago, and keeps undelivered and dead ones', async () => {
  const day = 24 * 60 * 60 * 1000
  const to = `${prefix}@example.test`
  const old = new Date(Date.now() - 31 * day)
  const rows = await client.db
    .insert(outbox)
    .values([
      { kind: 'auth.password_changed', payload: { to, n: 'old-sent' }, createdAt: old, sentAt: old },
      {
        kind: 'auth.password_changed',
        payload: { to, n: 'recent-sent' },
        sentAt: new Date(Date.now() - 29 * day),
      },
      { kind: 'auth.password_changed', payload: { to, n: 'old-dead' }, createdAt: old, deadAt: old },
      { kind: 'auth.password_changed', payload: { to, n: 'old-pending' }, createdAt: old },
    ])
    .returning({ id: outbox.id })
  const ids = rows.map((row) => row.id)
  try {
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
    const left = await client.db.select().from(outbox).where(inArray(outbox.id, ids))
    expect(left.map((row) => row.payload.n).sort()).toEqual(['old-dead', 'old-pending', 'recent-sent'])
  } finally {
    await client.db.delete(outbox).where(inArray(outbox.id, ids))
  }
})
