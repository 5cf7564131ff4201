import { describe, expect, it } from 'vitest'
import { mailProblems, parseMailbox, readMailConfig } from './config.ts'

describe('mail configuration', () => {
  it('is off without MAIL_TRANSPORT, whatever else is set', () => {
    expect(mailProblems({ SMTP_PORT: 'nope' })).toEqual([])
    expect(readMailConfig({})).toBeNull()
  })

  it('names every bad key at once, never a value', () => {
    const problems = mailProblems({
      MAIL_TRANSPORT: 'smtp',
      MAIL_FROM: 'not an address',
      SMTP_PORT: '99999',
      SMTP_SECURITY: 'ssl',
      SMTP_PASSWORD: 'hunter2-secret',
      MAIL_RETRY_BASE_SECONDS: '0',
    })
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'MAIL_FROM',
      'MAIL_LEADS_TO',
      'MAIL_RETRY_BASE_SECONDS',
      'SMTP_HOST',
      'SMTP_PORT',
      'SMTP_SECURITY',
      'SMTP_USER',
    ])
    expect(problems.join(' ')).not.toContain('hunter2')
    expect(
      mailProblems({ MAIL_TRANSPORT: 'resend', MAIL_FROM: 'a@b.example', MAIL_LEADS_TO: 'c@d.example' }),
    ).toEqual(['RESEND_API_KEY (a secret: wrangler secret put RESEND_API_KEY)'])
    expect(mailProblems({ MAIL_TRANSPORT: 'carrier-pigeon' })).toEqual(['MAIL_TRANSPORT (smtp or resend)'])
  })

  it('reads SMTP settings with defaults', () => {
    const config = readMailConfig({
      MAIL_TRANSPORT: 'smtp',
      MAIL_FROM: 'Kairo Studio <hello@studio.example>',
      MAIL_LEADS_TO: 'studio@studio.example',
      SMTP_HOST: 'smtp.studio.example',
      SMTP_PORT: '587',
    })
    expect(config).toEqual({
      transport: { kind: 'smtp', host: 'smtp.studio.example', port: 587, security: 'starttls' },
      from: { name: 'Kairo Studio', email: 'hello@studio.example' },
      leadsTo: { email: 'studio@studio.example' },
      retryBaseMs: 30_000,
      maxAttempts: 8,
      // Unset UNSUBSCRIBE_SECRET: the development key (production refuses to start without the secret).
      unsubscribeKey: expect.any(String),
    })
    expect(parseMailbox('"Kairo, Studio" <a@b.example>')).toEqual({
      name: 'Kairo, Studio',
      email: 'a@b.example',
    })
  })
})
