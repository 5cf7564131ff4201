import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { assertBindings } from '../env.ts'
import { placeholderProblems } from './placeholders.ts'

const PLACEHOLDER = 'replace-with-the-smtp-password'

describe('placeholder secrets', () => {
  it('finds none in the test bindings', () => {
    expect(placeholderProblems(env)).toEqual([])
    expect(() => assertBindings({ ...env })).not.toThrow()
  })

  it('refuses to serve with a secret copied from .env.example, naming it but not its value', () => {
    const bindings = { ...env, SMTP_PASSWORD: PLACEHOLDER, RESEND_API_KEY: 'Replace-With-a-key' }
    const attempt = () => assertBindings(bindings)
    expect(attempt).toThrow(/SMTP_PASSWORD \(still the placeholder from \.env\.example/)
    expect(attempt).toThrow(/RESEND_API_KEY \(still the placeholder/)
    expect(attempt).not.toThrow(new RegExp(PLACEHOLDER))
  })

  it('refuses a Hyperdrive connection string whose password is the placeholder', () => {
    const url = new URL(env.HYPERDRIVE.connectionString)
    url.password = 'replace-with-the-database-password'
    expect(placeholderProblems({ HYPERDRIVE: { connectionString: url.toString() } })).toEqual([
      'HYPERDRIVE (its connection string has the placeholder password from .env.example)',
    ])
  })
})
