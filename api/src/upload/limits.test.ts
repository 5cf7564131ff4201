import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { assertBindings } from '../env.ts'
import { DEFAULT_MAX_BYTES, deliverableMaxBytes, PLATFORM_MAX_BYTES, uploadLimitProblems } from './limits.ts'

describe('DELIVERABLE_MAX_BYTES', () => {
  it('defaults to 95 MiB, under the 100 MB request limit of the smallest plans', () => {
    expect(deliverableMaxBytes({})).toBe(DEFAULT_MAX_BYTES)
    expect(DEFAULT_MAX_BYTES + 64 * 1024).toBeLessThan(100_000_000)
    expect(deliverableMaxBytes({ DELIVERABLE_MAX_BYTES: '1048576' })).toBe(1_048_576)
  })

  it('is refused at start-up unless a whole number up to the platform limit', () => {
    expect(uploadLimitProblems({})).toEqual([])
    expect(uploadLimitProblems({ DELIVERABLE_MAX_BYTES: String(PLATFORM_MAX_BYTES) })).toEqual([])
    for (const bad of ['0', '-1', '1.5', '100MB', ' 100', String(PLATFORM_MAX_BYTES + 1), 12]) {
      expect(uploadLimitProblems({ DELIVERABLE_MAX_BYTES: bad }), String(bad)).toHaveLength(1)
    }
  })

  it('stops the Worker with a message naming it, never its value', () => {
    const attempt = () => assertBindings({ ...env, DELIVERABLE_MAX_BYTES: '900000000' })
    expect(attempt).toThrow(/DELIVERABLE_MAX_BYTES \(a whole number of bytes from 1 to 500000000\)/)
    expect(attempt).not.toThrow(/900000000/)
  })
})
