import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from './paths.ts'
import { refusePlaceholders } from './placeholders.ts'

export interface LocalSecrets {
  PAYLOAD_SECRET: string
  /** Signs the CMS's draft preview links (cms/README.md "Draft preview"). */
  PREVIEW_SECRET: string
  /** The 3D pipeline worker's bearer token, known to the Worker and the worker (assets-pipeline/README.md "Deliverable worker"). */
  PIPELINE_TOKEN: string
  /** The Worker's key for the automations' run webhook secrets (api/README.md "Automation run webhooks"). */
  WEBHOOK_SIGNING_KEY: string
  /** The Worker's key that encrypts authenticator-app secrets at rest (api/README.md "Second factor"). */
  TOTP_ENCRYPTION_KEY: string
}

/**
 * Secrets for the local system: each taken from the environment when set, else generated once into
 * `.data/secrets.json` (git-ignored, mode 600) so sessions, tokens and preview links survive a
 * restart. Only generated values are written there; a file from before a secret existed gains it.
 * A value still set to `.env.example`'s placeholder stops the command (`refusePlaceholders`).
 */
export function localSecrets(): LocalSecrets {
  refusePlaceholders([
    'PAYLOAD_SECRET',
    'PREVIEW_SECRET',
    'PIPELINE_TOKEN',
    'WEBHOOK_SIGNING_KEY',
    'TOTP_ENCRYPTION_KEY',
  ])
  const file = join(dataDir, 'secrets.json')
  let stored: Partial<LocalSecrets> = {}
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>
  } catch {
    // Nothing generated yet.
  }
  const generated: Partial<LocalSecrets> = {}
  const pick = (name: keyof LocalSecrets): string => {
    const known = process.env[name] || stored[name]
    if (known) return known
    const value = randomBytes(32).toString('hex')
    generated[name] = value
    return value
  }
  const secrets = {
    PAYLOAD_SECRET: pick('PAYLOAD_SECRET'),
    PREVIEW_SECRET: pick('PREVIEW_SECRET'),
    PIPELINE_TOKEN: pick('PIPELINE_TOKEN'),
    WEBHOOK_SIGNING_KEY: pick('WEBHOOK_SIGNING_KEY'),
    TOTP_ENCRYPTION_KEY: pick('TOTP_ENCRYPTION_KEY'),
  }
  if (Object.keys(generated).length > 0) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, `${JSON.stringify({ ...stored, ...generated }, null, 2)}\n`, { mode: 0o600 })
  }
  return secrets
}
