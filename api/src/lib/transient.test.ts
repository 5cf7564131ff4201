import { describe, expect, it } from 'vitest'
import { isTransientDatabaseError, retryTransient } from './transient.ts'

const failure = (code: string, wrapped = false) => {
  const driverError = Object.assign(new Error(`driver ${code}`), { code })
  return wrapped ? new Error('Failed query: insert ...', { cause: driverError }) : driverError
}

describe('isTransientDatabaseError', () => {
  it.each([
    ['53300', true],
    ['57P03', true],
    ['08006', true],
    ['CONNECT_TIMEOUT', true],
    ['ECONNREFUSED', true],
    ['23505', false], // unique violation: the query is wrong, not the connection
    ['42P01', false], // undefined table
  ])('code %s → %s, bare or wrapped by Drizzle', (code, expected) => {
    expect(isTransientDatabaseError(failure(code))).toBe(expected)
    expect(isTransientDatabaseError(failure(code, true))).toBe(expected)
  })

  it("recognises workerd's code-less socket failure, wrapped by Drizzle", () => {
    const socket = new Error('connection attempt failed')
    expect(isTransientDatabaseError(new Error('Failed query: select 1', { cause: socket }))).toBe(true)
  })

  it('is false for errors without a code', () => {
    expect(isTransientDatabaseError(new Error('boom'))).toBe(false)
    expect(isTransientDatabaseError(undefined)).toBe(false)
  })
})

describe('retryTransient', () => {
  it('tries again after too_many_connections and returns the first success', async () => {
    let calls = 0
    const result = await retryTransient(async () => {
      calls++
      if (calls < 3) throw failure('53300', true)
      return 'stored'
    })
    expect(result).toBe('stored')
    expect(calls).toBe(3)
  })

  it('does not repeat work that failed for another reason', async () => {
    let calls = 0
    await expect(
      retryTransient(async () => {
        calls++
        throw failure('23505')
      }),
    ).rejects.toThrow('driver 23505')
    expect(calls).toBe(1)
  })
})
