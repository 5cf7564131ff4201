import { styleText } from 'node:util'

type Colour = Parameters<typeof styleText>[0]

const colours: Record<string, Colour> = {
  kairo: 'bold',
  db: 'blue',
  cms: 'magenta',
  site: 'cyan',
  api: 'yellow',
  test: 'green',
}

/** Writes one line with a service prefix, e.g. `cms  | ready on :3000`. */
export function logLine(service: string, line: string, stream: NodeJS.WriteStream = process.stdout): void {
  const prefix = styleText(colours[service] ?? 'white', `${service.padEnd(5)}|`, { stream })
  stream.write(`${prefix} ${line}\n`)
}

export const log = (message: string) => logLine('kairo', message)

/**
 * An error the user can act on: printed as one line, without a stack trace, by `runMain`.
 * Invariant violations stay ordinary errors and keep their stack.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}

/**
 * Runs a CLI entry point. Every failure ends as one line and exit code 1: a `UserFacingError` says the
 * cause and the fix; anything else is an invariant broken in Kairo itself, shown as its first line
 * with a pointer to the whole stack (`KAIRO_DEBUG=1`), never as a stack trace by default.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const line =
      error instanceof UserFacingError
        ? error.message
        : `${firstLine(error)} (an unexpected error in Kairo; run again with KAIRO_DEBUG=1 for its stack trace)`
    logLine('kairo', styleText('red', `error: ${line}`, { stream: process.stderr }), process.stderr)
    if (process.env.KAIRO_DEBUG === '1' && !(error instanceof UserFacingError)) console.error(error)
    process.exit(1)
  })
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.split('\n')[0] ?? text
}
