import { UserFacingError } from './log.ts'

/**
 * The word in every placeholder of `.env.example` (the CMS and the Worker refuse it too). A secret
 * copied from there unchanged is known to everyone who can read the repository.
 */
export const PLACEHOLDER_MARK = 'replace-with'

/**
 * Throws one `UserFacingError` naming each of `names` whose value in `env` still holds the
 * placeholder mark; never quotes a value. Unset names pass: the orchestrator fills those in itself.
 */
export function refusePlaceholders(names: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const found = names.filter((name) => env[name]?.toLowerCase().includes(PLACEHOLDER_MARK))
  if (found.length === 0) return
  throw new UserFacingError(
    `${found.join(', ')} ${found.length === 1 ? 'is' : 'are'} still the placeholder from .env.example: ` +
      'set a real value, or unset it to let ./kairo generate one locally.',
  )
}
