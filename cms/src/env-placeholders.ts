/**
 * `.env.example` shows every secret as a placeholder containing `replace-with` (the Worker and the
 * orchestrator use the same mark). A CMS started with one would sign its tokens with a secret anyone
 * can read on GitHub, so any variable whose value still holds the mark stops the start.
 */
export const PLACEHOLDER_MARK = 'replace-with'

/**
 * One problem per variable of `env` whose value still holds the placeholder mark, sorted by name.
 * Names only, never values: a placeholder sits where a secret belongs.
 */
export function placeholderProblems(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([, value]) => value?.toLowerCase().includes(PLACEHOLDER_MARK))
    .map(([name]) => `${name} is still the placeholder from .env.example; set a real value`)
    .sort()
}
