import type { parseArgs } from 'node:util'

// The CLI's flags and its usage error, apart from cli.ts so that the commands can use them without
// importing the entry point that imports them.

export const cliOptions = {
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  out: { type: 'string' },
  cache: { type: 'string' },
  upload: { type: 'boolean' },
  'base-url': { type: 'string' },
  'lod-ratios': { type: 'string' },
  'texture-sizes': { type: 'string' },
  'no-poster': { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const

export type CliValues = ReturnType<
  typeof parseArgs<{ options: typeof cliOptions; allowPositionals: true }>
>['values']

/** A usage error: printed with the usage text, exit code 2. */
export class UsageError extends Error {}
