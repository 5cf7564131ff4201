import { describe, expect, it } from 'vitest'
import { ReadCache, scopeKey } from './read-cache.ts'

function counted<T>(value: T) {
  let calls = 0
  const load = async () => {
    calls++
    return value
  }
  return { load, calls: () => calls }
}

describe('ReadCache', () => {
  it('serves a stored value while the version is the same, and loads again when it changes', async () => {
    const cache = new ReadCache({ maxEntries: 10, maxAgeMs: 60_000 })
    const first = counted({ n: 1 })
    expect(await cache.read('overview:all', '7', first.load)).toEqual({ n: 1 })
    expect(await cache.read('overview:all', '7', first.load)).toEqual({ n: 1 })
    expect(first.calls()).toBe(1)

    const second = counted({ n: 2 })
    expect(await cache.read('overview:all', '8', second.load)).toEqual({ n: 2 })
    expect(second.calls()).toBe(1)
    // The newer value replaced the older one: going back to the old version loads again.
    const third = counted({ n: 3 })
    expect(await cache.read('overview:all', '7', third.load)).toEqual({ n: 3 })
    expect(third.calls()).toBe(1)
  })

  it('keeps keys apart', async () => {
    const cache = new ReadCache({ maxEntries: 10, maxAgeMs: 60_000 })
    await cache.read('overview:company:a', '1', async () => 'a')
    expect(await cache.read('overview:company:b', '1', async () => 'b')).toBe('b')
    expect(await cache.read('overview:company:a', '1', async () => 'not used')).toBe('a')
  })

  it('loads again once an entry is older than maxAgeMs, whatever the version', async () => {
    let now = 1_000
    const cache = new ReadCache({ maxEntries: 10, maxAgeMs: 60_000, now: () => now })
    const load = counted('value')
    await cache.read('k', '1', load.load)
    now += 59_999
    await cache.read('k', '1', load.load)
    expect(load.calls()).toBe(1)
    now += 1
    await cache.read('k', '1', load.load)
    expect(load.calls()).toBe(2)
  })

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const cache = new ReadCache({ maxEntries: 2, maxAgeMs: 60_000 })
    await cache.read('a', '1', async () => 'a')
    await cache.read('b', '1', async () => 'b')
    // Reading `a` makes `b` the least recently used, so `c` pushes `b` out.
    await cache.read('a', '1', async () => 'not used')
    await cache.read('c', '1', async () => 'c')
    expect(cache.size).toBe(2)
    expect(await cache.read('a', '1', async () => 'reloaded')).toBe('a')
    expect(await cache.read('b', '1', async () => 'reloaded')).toBe('reloaded')
  })

  it('stores nothing when the load fails', async () => {
    const cache = new ReadCache({ maxEntries: 10, maxAgeMs: 60_000 })
    await expect(
      cache.read('k', '1', async () => {
        throw new Error('database unreachable')
      }),
    ).rejects.toThrow('database unreachable')
    expect(cache.size).toBe(0)
  })
})

describe('scopeKey', () => {
  it('names every company apart from the all-companies scope', () => {
    expect(scopeKey({ kind: 'all' })).toBe('all')
    expect(scopeKey({ kind: 'company', companyId: 'x' })).toBe('company:x')
    expect(scopeKey({ kind: 'company', companyId: 'all' })).not.toBe(scopeKey({ kind: 'all' }))
  })
})
