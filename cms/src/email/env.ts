// Payload's own mail (forgot-password, account verification) goes out over the same SMTP settings
// the Worker's outbox uses (api/README.md "Mail"): `SMTP_HOST`, `SMTP_PORT`, `SMTP_SECURITY`,
// `SMTP_USER`, `SMTP_PASSWORD` and `MAIL_FROM`. Without `SMTP_HOST` mail is off and Payload writes
// its e-mails to the log instead. Messages name variables, never their values.

/** The CMS's SMTP settings; null from {@link readMailEnv} means mail is off. */
export interface MailEnv {
  host: string
  port: number
  /** `tls`: TLS from the first byte (465); `starttls`: upgrade, required (587); `none`: plain (local only). */
  security: 'tls' | 'starttls' | 'none'
  auth?: { user: string; pass: string }
  fromName: string
  fromAddress: string
}

const SECURITY = ['tls', 'starttls', 'none'] as const
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/

/** `Name <a@b.c>` or `a@b.c`. */
function parseFrom(value: string): { name: string; address: string } | null {
  const named = /^"?([^"<>]*?)"?\s*<([^<>\s]+)>$/.exec(value)
  if (named?.[2] && EMAIL.test(named[2])) return { name: named[1]?.trim() || 'Kairo', address: named[2] }
  return EMAIL.test(value) ? { name: 'Kairo', address: value } : null
}

/** Reads the SMTP variables, adding one line per bad one to `problems`. */
export function readMailEnv(env: Record<string, string | undefined>, problems: string[]): MailEnv | null {
  const host = env.SMTP_HOST?.trim() ?? ''
  if (!host) return null
  const port = Number(env.SMTP_PORT?.trim() ?? '')
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push('SMTP_PORT must be a port number (1-65535)')
  const security = env.SMTP_SECURITY?.trim() || 'starttls'
  if (!(SECURITY as readonly string[]).includes(security)) {
    problems.push(`SMTP_SECURITY must be one of ${SECURITY.join(', ')}`)
  }
  const user = env.SMTP_USER ?? ''
  const pass = env.SMTP_PASSWORD ?? ''
  if (Boolean(user) !== Boolean(pass))
    problems.push('SMTP_USER and SMTP_PASSWORD go together (both or neither)')
  const from = parseFrom(env.MAIL_FROM?.trim() ?? '')
  if (!from)
    problems.push('MAIL_FROM must be an address, e.g. Kairo <hello@studio.example> (SMTP_HOST is set)')
  return {
    host,
    port,
    security: security as MailEnv['security'],
    ...(user && pass ? { auth: { user, pass } } : {}),
    fromName: from?.name ?? '',
    fromAddress: from?.address ?? '',
  }
}
