import { isAbsolute, resolve } from 'node:path'
import { UserFacingError } from '../log.ts'
import { repoRoot } from '../paths.ts'

/**
 * Parses `[positional] [--flag] [--name value]` for the backup commands; unknown options are one
 * error naming them. Paths resolve against the folder `./kairo` ran in (its root: the checkout).
 */
export function parseArgs(
  argv: string[],
  spec: { values: string[]; flags: string[]; positional: number },
): { values: Record<string, string>; flags: Set<string>; positional: string[] } {
  const values: Record<string, string> = {}
  const flags = new Set<string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') continue
    const name = arg.replace(/^--/, '')
    if (arg.startsWith('--') && spec.values.includes(name)) {
      const value = argv[++i]
      if (!value) throw new UserFacingError(`${arg} needs a value`)
      values[name] = value
    } else if (arg.startsWith('--') && spec.flags.includes(name)) flags.add(name)
    else if (arg.startsWith('-')) throw new UserFacingError(`unknown option ${arg}`)
    else positional.push(arg)
  }
  if (positional.length !== spec.positional)
    throw new UserFacingError(
      spec.positional === 0 ? `unexpected argument ${positional[0]}` : 'expected one archive path',
    )
  return { values, flags, positional }
}

/** A user-given path: absolute as is, relative to where `./kairo` runs (the checkout's root). */
export const userPath = (path: string): string =>
  isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? repoRoot, path)
