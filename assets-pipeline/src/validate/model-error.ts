/** An expected failure with one model (unsafe, invalid, over a limit): one line for the user. */
export class ModelError extends Error {
  override name = 'ModelError'
}

/** The message of any thrown value, for the one-line reports the CLI prints. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
