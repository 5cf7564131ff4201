import { unsubscribeKeyOf } from '../notifications/unsubscribe-token.ts'

// The Worker's mail settings, read from its vars and secrets. `assertBindings` (src/env.ts) calls
// `mailProblems` with the other bindings, so one message names every bad key; the delivery job then
// reads the settings with `readMailConfig`. Messages name keys only, never values (a password or an
// API key must not reach a log).

/** A mailbox: `Kairo <hello@studio.example>` parses to `{ name: 'Kairo', email: 'hello@studio.example' }`. */
export interface Mailbox {
  name?: string
  email: string
}

/** SMTP from the Worker (`worker-mailer` over `cloudflare:sockets`). */
export interface SmtpSettings {
  kind: 'smtp'
  host: string
  port: number
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade when offered (587); `none`: plain (local only). */
  security: 'tls' | 'starttls' | 'none'
  credentials?: { username: string; password: string }
}

/** Resend's HTTP API (`POST /emails`, https://resend.com/docs/api-reference/emails/send-email). */
export interface ResendSettings {
  kind: 'resend'
  apiKey: string
  /** The API's base URL; tests point it at a local server. */
  apiUrl: string
}

/** Everything the delivery job needs; null from {@link readMailConfig} means mail is off. */
export interface MailConfig {
  transport: SmtpSettings | ResendSettings
  from: Mailbox
  /** Where the studio's own notifications (new leads) go. */
  leadsTo: Mailbox
  /** The first retry waits this long, each later one twice the one before (capped at an hour). */
  retryBaseMs: number
  /** A message that failed this many times is dead until an admin retries it. */
  maxAttempts: number
  /**
   * Signs the notification e-mails' unsubscribe links (`UNSUBSCRIBE_SECRET`, see
   * notifications/unsubscribe-token.ts); always set by {@link readMailConfig}. Without it a
   * notification e-mail cannot be composed (it would lack its unsubscribe link).
   */
  unsubscribeKey?: string
}

/** The mail variables as the Worker receives them (all strings; see api/README.md "Mail"). */
export interface MailVars {
  MAIL_TRANSPORT?: string
  MAIL_FROM?: string
  MAIL_LEADS_TO?: string
  MAIL_RETRY_BASE_SECONDS?: string
  MAIL_MAX_ATTEMPTS?: string
  SMTP_HOST?: string
  SMTP_PORT?: string
  SMTP_SECURITY?: string
  SMTP_USER?: string
  SMTP_PASSWORD?: string
  RESEND_API_KEY?: string
  RESEND_API_URL?: string
  /** Not a mail setting as such: the key of the unsubscribe links the e-mails carry (src/env.ts). */
  UNSUBSCRIBE_SECRET?: string
}

export const DEFAULT_RESEND_API_URL = 'https://api.resend.com'
export const DEFAULT_RETRY_BASE_SECONDS = 30
export const DEFAULT_MAX_ATTEMPTS = 8

const TRANSPORTS = ['smtp', 'resend'] as const
const SECURITY = ['tls', 'starttls', 'none'] as const
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/

/** Parses `Name <a@b.c>` or `a@b.c`; null when it is neither. */
export function parseMailbox(value: string | undefined): Mailbox | null {
  const text = value?.trim()
  if (!text) return null
  const named = /^"?([^"<>]*?)"?\s*<([^<>\s]+)>$/.exec(text)
  if (named?.[2] && EMAIL.test(named[2])) {
    const name = named[1]?.trim()
    return name ? { name, email: named[2] } : { email: named[2] }
  }
  return EMAIL.test(text) ? { email: text } : null
}

function wholeNumber(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined) return null
  if (!/^\d{1,6}$/.test(value.trim())) return Number.NaN
  const number = Number.parseInt(value, 10)
  return number >= min && number <= max ? number : Number.NaN
}

const isString = (value: unknown): value is string => typeof value === 'string'

/**
 * The problems with the mail variables, one entry per bad key (empty when all is well). Unset
 * `MAIL_TRANSPORT` means mail is off and every other mail key is ignored.
 */
export function mailProblems(vars: MailVars | undefined): string[] {
  const problems: string[] = []
  const transport = vars?.MAIL_TRANSPORT
  if (transport === undefined || transport === '') return problems
  for (const [key, value] of Object.entries(vars ?? {})) {
    if (value !== undefined && !isString(value) && key.match(/^(MAIL|SMTP|RESEND)_/)) {
      problems.push(`${key} (a string)`)
    }
  }
  if (!(TRANSPORTS as readonly string[]).includes(transport)) {
    problems.push('MAIL_TRANSPORT (smtp or resend)')
    return problems
  }
  if (!parseMailbox(vars?.MAIL_FROM))
    problems.push('MAIL_FROM (an address, e.g. Kairo <hello@studio.example>)')
  if (!parseMailbox(vars?.MAIL_LEADS_TO)) problems.push('MAIL_LEADS_TO (the address that receives new leads)')
  if (Number.isNaN(wholeNumber(vars?.MAIL_RETRY_BASE_SECONDS, 1, 3600))) {
    problems.push('MAIL_RETRY_BASE_SECONDS (whole seconds, 1-3600)')
  }
  if (Number.isNaN(wholeNumber(vars?.MAIL_MAX_ATTEMPTS, 1, 50))) problems.push('MAIL_MAX_ATTEMPTS (1-50)')
  if (transport === 'smtp') {
    if (!vars?.SMTP_HOST?.trim() || /[\s/]/.test(vars.SMTP_HOST.trim()))
      problems.push('SMTP_HOST (a host name)')
    const port = wholeNumber(vars?.SMTP_PORT, 1, 65535)
    if (port === null || Number.isNaN(port)) problems.push('SMTP_PORT (1-65535)')
    if (vars?.SMTP_SECURITY !== undefined && !(SECURITY as readonly string[]).includes(vars.SMTP_SECURITY)) {
      problems.push('SMTP_SECURITY (tls, starttls or none)')
    }
    if (Boolean(vars?.SMTP_USER) !== Boolean(vars?.SMTP_PASSWORD)) {
      problems.push('SMTP_USER and SMTP_PASSWORD (both or neither)')
    }
  } else {
    if (!vars?.RESEND_API_KEY) problems.push('RESEND_API_KEY (a secret: wrangler secret put RESEND_API_KEY)')
    const url = vars?.RESEND_API_URL
    if (url !== undefined && !(URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) {
      problems.push('RESEND_API_URL (an http(s) URL)')
    }
  }
  return problems
}

/**
 * The mail settings, or null when `MAIL_TRANSPORT` is unset (mail off: messages wait in the outbox).
 * Call after `assertBindings`, which has already refused bad values.
 */
export function readMailConfig(vars: MailVars): MailConfig | null {
  if (!vars.MAIL_TRANSPORT) return null
  const problems = mailProblems(vars)
  if (problems.length > 0) throw new Error(`mail configuration is invalid: ${problems.join(', ')}`)
  const from = parseMailbox(vars.MAIL_FROM) as Mailbox
  const leadsTo = parseMailbox(vars.MAIL_LEADS_TO) as Mailbox
  const retryBaseMs =
    (wholeNumber(vars.MAIL_RETRY_BASE_SECONDS, 1, 3600) ?? DEFAULT_RETRY_BASE_SECONDS) * 1000
  const maxAttempts = wholeNumber(vars.MAIL_MAX_ATTEMPTS, 1, 50) ?? DEFAULT_MAX_ATTEMPTS
  const transport: SmtpSettings | ResendSettings =
    vars.MAIL_TRANSPORT === 'smtp'
      ? {
          kind: 'smtp',
          host: (vars.SMTP_HOST as string).trim(),
          port: Number.parseInt(vars.SMTP_PORT as string, 10),
          security: (vars.SMTP_SECURITY as SmtpSettings['security'] | undefined) ?? 'starttls',
          ...(vars.SMTP_USER && vars.SMTP_PASSWORD
            ? { credentials: { username: vars.SMTP_USER, password: vars.SMTP_PASSWORD } }
            : {}),
        }
      : {
          kind: 'resend',
          apiKey: vars.RESEND_API_KEY as string,
          apiUrl: (vars.RESEND_API_URL ?? DEFAULT_RESEND_API_URL).replace(/\/+$/, ''),
        }
  return { transport, from, leadsTo, retryBaseMs, maxAttempts, unsubscribeKey: unsubscribeKeyOf(vars) }
}
