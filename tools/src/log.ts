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

/** Runs a CLI entry point: a `UserFacingError` becomes one clear line and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UserFacingError) {
      logLine(
        'kairo',
        styleText('red', `error: ${error.message}`, { stream: process.stderr }),
        process.stderr,
      )
    } else {
      console.error(error)
    }
    process.exit(1)
  })
}
