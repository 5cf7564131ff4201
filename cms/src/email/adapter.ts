import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'
import type { MailEnv } from './env.ts'

/**
 * Payload's e-mail adapter over SMTP (`@payloadcms/email-nodemailer`), or undefined when mail is off
 * (Payload then logs each e-mail it would send). `starttls` requires the upgrade, so credentials never
 * cross the network in clear; `none` is for the local MailDev only.
 */
export function mailAdapter(mail: MailEnv | null): Promise<EmailAdapter> | undefined {
  if (!mail) return undefined
  return nodemailerAdapter({
    defaultFromAddress: mail.fromAddress,
    defaultFromName: mail.fromName,
    transportOptions: {
      host: mail.host,
      port: mail.port,
      secure: mail.security === 'tls',
      requireTLS: mail.security === 'starttls',
      ignoreTLS: mail.security === 'none',
      ...(mail.auth ? { auth: mail.auth } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    },
  })
}
