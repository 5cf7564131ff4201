// `.env.example` (and the README's deploy steps) show secrets as placeholders that all contain
// `replace-with`. A deployment that copied one unchanged would run with a secret everybody knows, so
// the Worker refuses to serve with any value that still holds the mark. The CMS and the orchestrator
// apply the same mark to their own variables.

/** The word every placeholder value of `.env.example` contains. */
export const PLACEHOLDER_MARK = 'replace-with'

const holdsMark = (value: string): boolean => value.toLowerCase().includes(PLACEHOLDER_MARK)

/**
 * Names every variable or secret in `env` whose value is still a placeholder, and the Hyperdrive
 * binding when its connection string's password is one. Names only, never values: the values are
 * secrets, placeholder or not.
 */
export function placeholderProblems(env: object | undefined): string[] {
  if (!env) return []
  const problems: string[] = []
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string' && holdsMark(value)) {
      problems.push(`${name} (still the placeholder from .env.example; set a real value)`)
    }
  }
  const connectionString = (env as { HYPERDRIVE?: { connectionString?: unknown } }).HYPERDRIVE
    ?.connectionString
  if (typeof connectionString === 'string' && URL.canParse(connectionString)) {
    const password = decodeURIComponent(new URL(connectionString).password)
    if (holdsMark(password)) {
      problems.push('HYPERDRIVE (its connection string has the placeholder password from .env.example)')
    }
  }
  return problems
}
