import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedPostgres, startWorker } from '@kairo/tools'
import { expect, test } from '@playwright/test'

test('the Worker reports the database up', async ({ request }) => {
  const response = await request.get('/api/health')
  expect(response.status()).toBe(200)
  expect(await response.json()).toMatchObject({ ok: true, db: 'up' })
})

test('with the database stopped, health says 503 and the static pages are still served', async ({
  page,
  request,
}) => {
  // A Worker of its own over a PostgreSQL of its own, so stopping that database harms no other test.
  const dataDir = mkdtempSync(join(tmpdir(), 'kairo-e2e-pg-'))
  chmodSync(dataDir, 0o755) // as root, Postgres runs as the `postgres` user
  const port = { db: 54349, worker: 8807 }
  const database = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'pg'),
    port: port.db,
    database: 'health',
    quiet: true,
  })
  const worker = await startWorker({
    port: port.worker,
    databaseUrl: database.url,
    persistTo: join(dataDir, 'wrangler'),
    quiet: true,
  }).catch(async (error: unknown) => {
    await database.stop()
    throw error
  })
  const origin = `http://127.0.0.1:${port.worker}`
  try {
    const up = await request.get(`${origin}/api/health`)
    expect(up.status()).toBe(200)

    await database.stop()

    const down = await request.get(`${origin}/api/health`)
    expect(down.status()).toBe(503)
    expect(down.headers()['retry-after']).toBeTruthy()
    const body = (await down.json()) as { ok: boolean; db: string; error: { code: string; message: string } }
    expect(body).toMatchObject({ ok: false, db: 'down', error: { code: 'db_unavailable' } })
    expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/) // no stack trace

    await page.goto(`${origin}/`)
    await expect(page.locator('h1')).toBeVisible()
    await expect(page.locator('a[href*="/work/"]').first()).toBeVisible()
  } finally {
    await worker.stop()
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
