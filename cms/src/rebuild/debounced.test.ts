import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { debounced } from './debounced.ts'
import type { RebuildLog, SiteRebuilder } from './types.ts'

const quiet: RebuildLog = { info: () => undefined, warn: () => undefined }

/** A rebuilder whose builds take `buildMs` of (fake) time and are counted. */
function recorder(buildMs = 0) {
  const reasons: string[] = []
  let running = 0
  let overlapped = false
  const rebuilder: SiteRebuilder = {
    name: 'recorder',
    async request(reason) {
      reasons.push(reason)
      running++
      if (running > 1) overlapped = true
      await new Promise((resolve) => setTimeout(resolve, buildMs))
      running--
    },
  }
  return { rebuilder, reasons, overlapped: () => overlapped }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('debounced', () => {
  it('turns ten saves in a burst into one rebuild, after the quiet time', async () => {
    const { rebuilder, reasons } = recorder()
    const site = debounced(rebuilder, { waitMs: 3000, maxWaitMs: 60_000, log: quiet })
    for (let save = 0; save < 10; save++) {
      void site.request(`save ${save}`)
      await vi.advanceTimersByTimeAsync(2500)
    }
    expect(reasons).toEqual([])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(reasons).toHaveLength(1)
    expect(reasons[0]).toMatch(/^save 0; save 1; save 2; and 7 more$/)
  })

  it('still builds during an endless stream of saves, once per max wait', async () => {
    const { rebuilder, reasons } = recorder()
    const site = debounced(rebuilder, { waitMs: 3000, maxWaitMs: 60_000, log: quiet })
    for (let second = 0; second < 150; second++) {
      void site.request(`save at ${second}s`)
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(reasons).toHaveLength(2)
  })

  it('runs exactly one more rebuild for requests that arrive during a rebuild, never two at once', async () => {
    const { rebuilder, reasons, overlapped } = recorder(20_000)
    const site = debounced(rebuilder, { waitMs: 2000, maxWaitMs: 10_000, log: quiet })
    const first = site.request('publish a')
    await vi.advanceTimersByTimeAsync(2000 + 5000) // the first build is 5 s in
    const during = [site.request('publish b')]
    await vi.advanceTimersByTimeAsync(2500)
    during.push(site.request('publish c'), site.request('publish d'))
    await vi.advanceTimersByTimeAsync(2500)
    expect(reasons).toEqual(['publish a'])
    await vi.advanceTimersByTimeAsync(10_000) // the first build ends at 22 s; the queued one starts
    await first
    expect(reasons).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all(during)
    expect(reasons).toEqual(['publish a', 'publish b; publish c; publish d'])
    expect(overlapped()).toBe(false)
  })

  it('logs a failed rebuild and resolves, so a save never fails because of the site', async () => {
    const warnings: string[] = []
    const site = debounced(
      { name: 'broken', request: () => Promise.reject(new Error('exit 1')) },
      { waitMs: 100, maxWaitMs: 1000, log: { info: () => undefined, warn: (line) => warnings.push(line) } },
    )
    const done = site.request('x')
    await vi.advanceTimersByTimeAsync(100)
    await expect(done).resolves.toBeUndefined()
    expect(warnings).toEqual(['broken rebuild failed (exit 1)'])
  })
})
