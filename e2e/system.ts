import { testSystem } from '@kairo/tools'

/** Where the test system listens (its own ports, so a running `./kairo start` does not interfere). */
export const testUrls = {
  worker: `http://127.0.0.1:${testSystem.ports.api}`,
  cms: `http://127.0.0.1:${testSystem.ports.cms}`,
  /** The draft preview server (site/astro.preview.config.ts), where the admin's Preview links go. */
  preview: `http://127.0.0.1:${testSystem.ports.sitePreview}`,
  /** The test system's mail inbox (MailDev); its REST API is under `/api/email`. */
  inbox: `http://127.0.0.1:${testSystem.ports.inbox}`,
}

/** The demo editor seeded into the CMS (README "Demo logins"). */
export const demoEditor = { email: 'editor@kairo.studio', password: 'kairo-editor-demo' }

/** Reads a required variable; the end-to-end run needs the migrated database `./kairo test` made. */
export function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through \`./kairo test\``)
  return value
}
