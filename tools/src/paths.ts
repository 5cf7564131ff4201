import { join, resolve } from 'node:path'

/** The repository root: every path the orchestrator uses hangs off it, never off the cwd. */
export const repoRoot = resolve(import.meta.dirname, '..', '..')

/** Local state (embedded Postgres, generated secrets, wrangler's local R2): git-ignored. */
export const dataDir = join(repoRoot, '.data')

export const packageDir = {
  api: join(repoRoot, 'api'),
  cms: join(repoRoot, 'cms'),
  db: join(repoRoot, 'drizzle'),
  site: join(repoRoot, 'site'),
} as const
