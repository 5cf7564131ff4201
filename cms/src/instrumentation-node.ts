import { readEnv } from './env.ts'

/**
 * Stops the server at start-up with one message naming every bad variable, instead of starting
 * and answering every request with a 500 (Payload reads its config lazily, on the first request).
 */
export function validateEnvOrExit(): void {
  try {
    readEnv()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
