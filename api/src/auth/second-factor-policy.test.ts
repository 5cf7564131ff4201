import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { assertBindings } from '../env.ts'
import { parseRequiredRoles, roleRequiresSecondFactor } from './second-factor-policy.ts'

// Who must have a second factor, and the Worker's refusal to start with a bad setting or, in
// production, without the key that encrypts the authenticator apps' secrets.

describe('SECOND_FACTOR_REQUIRED_ROLES', () => {
  it('defaults to the studio’s staff, and reads lists, spaces, case and `none`', () => {
    expect(parseRequiredRoles(undefined)).toEqual(['admin', 'team'])
    expect(parseRequiredRoles('admin')).toEqual(['admin'])
    expect(parseRequiredRoles(' Admin, team ,client')).toEqual(['admin', 'team', 'client'])
    expect(parseRequiredRoles('none')).toEqual([])
    expect(parseRequiredRoles('')).toEqual([])
    expect(parseRequiredRoles('admin,root')).toBeNull()
    expect(roleRequiresSecondFactor({}, 'team')).toBe(true)
    expect(roleRequiresSecondFactor({}, 'client')).toBe(false)
    expect(roleRequiresSecondFactor({ SECOND_FACTOR_REQUIRED_ROLES: 'none' }, 'admin')).toBe(false)
  })

  it('stops the Worker on a bad value or a missing key in production, naming the variable only', () => {
    const secret = 's'.repeat(12)
    expect(() => assertBindings({ ...env, SECOND_FACTOR_REQUIRED_ROLES: 'admins' })).toThrow(
      /SECOND_FACTOR_REQUIRED_ROLES \(roles separated by commas/,
    )
    expect(() => assertBindings({ ...env, TOTP_ENCRYPTION_KEY: secret })).toThrow(
      /TOTP_ENCRYPTION_KEY \(at least 32/,
    )
    expect(() => assertBindings({ ...env, TOTP_ENCRYPTION_KEY: secret })).not.toThrow(new RegExp(secret))
    const production = { ...env, ENVIRONMENT: 'production', UNSUBSCRIBE_SECRET: 'u'.repeat(40) }
    expect(() => assertBindings(production)).toThrow(/TOTP_ENCRYPTION_KEY/)
    expect(() => assertBindings({ ...production, TOTP_ENCRYPTION_KEY: 'k'.repeat(40) })).not.toThrow(
      /TOTP_ENCRYPTION_KEY/,
    )
  })
})
