import { describe, expect, it } from 'vitest'
import { readMailEnv } from './env.ts'

describe('readMailEnv', () => {
  it('is off without SMTP_HOST', () => {
    const problems: string[] = []
    expect(readMailEnv({ SMTP_PORT: 'x' }, problems)).toBeNull()
    expect(problems).toEqual([])
  })

  it('reads the shared SMTP settings', () => {
    const problems: string[] = []
    const mail = readMailEnv(
      {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: '1025',
        SMTP_SECURITY: 'none',
        MAIL_FROM: 'Kairo <hello@kairo.studio>',
      },
      problems,
    )
    expect(problems).toEqual([])
    expect(mail).toEqual({
      host: '127.0.0.1',
      port: 1025,
      security: 'none',
      fromName: 'Kairo',
      fromAddress: 'hello@kairo.studio',
    })
  })

  it('names every bad variable, never the password', () => {
    const problems: string[] = []
    readMailEnv(
      { SMTP_HOST: 'smtp.example', SMTP_PORT: '0', SMTP_SECURITY: 'ssl', SMTP_PASSWORD: 'hunter2' },
      problems,
    )
    expect(problems).toHaveLength(4)
    expect(problems.join('\n')).not.toContain('hunter2')
  })
})
