// The deliverable worker's settings, read once at start from the environment (.env.example).

/** Where the worker reaches the API Worker, and how it proves who it is. */
export interface WorkerConfig {
  /** The API Worker's origin, e.g. `http://127.0.0.1:8787`, without a trailing slash. */
  apiUrl: string
  /** The bearer token the Worker knows as `PIPELINE_TOKEN`; a secret, never printed. */
  token: string
}

/** A missing or malformed variable; the message names every one, never a value. */
export class WorkerConfigError extends Error {
  override name = 'WorkerConfigError'
}

/**
 * Reads `PIPELINE_API_URL` (an http(s) origin) and `PIPELINE_TOKEN` (32 to 256 printable
 * characters, as the Worker requires), or throws one error naming each problem.
 */
export function workerConfigFromEnv(env: NodeJS.ProcessEnv): WorkerConfig {
  const problems: string[] = []
  const apiUrl = env.PIPELINE_API_URL?.trim() ?? ''
  let origin = ''
  try {
    const url = new URL(apiUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http')
    origin = url.origin
  } catch {
    problems.push('PIPELINE_API_URL (the API Worker origin, e.g. http://127.0.0.1:8787)')
  }
  const token = env.PIPELINE_TOKEN ?? ''
  if (!/^[\x21-\x7e]{32,256}$/.test(token) || token.toLowerCase().includes('replace-with')) {
    problems.push('PIPELINE_TOKEN (the Worker’s pipeline token: 32 to 256 printable characters, no spaces)')
  }
  if (problems.length > 0) throw new WorkerConfigError(`missing or malformed: ${problems.join(', ')}`)
  return { apiUrl: origin, token }
}
