import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from './paths.ts'

export interface LocalSecrets {
  PAYLOAD_SECRET: string
}

/**
 * Secrets for the local system: taken from the environment when set, else generated once into
 * `.data/secrets.json` (git-ignored, mode 600) so sessions and tokens survive a restart.
 */
export function localSecrets(): LocalSecrets {
  if (process.env.PAYLOAD_SECRET) return { PAYLOAD_SECRET: process.env.PAYLOAD_SECRET }
  const file = join(dataDir, 'secrets.json')
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets
  } catch {
    const secrets = { PAYLOAD_SECRET: randomBytes(32).toString('hex') }
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
    return secrets
  }
}
