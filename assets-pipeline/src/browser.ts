import { execFile } from 'node:child_process'
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/**
 * Chromium with WebGL on the CPU (SwiftShader), and nothing that reaches the network: the poster
 * renderer's flags, and the islands' browser benchmarks'.
 */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Where the headless Chromium that renders posters (and drives the browser tests and benchmarks)
 * comes from, in this order:
 *
 * 1. `CHROMIUM_PATH`, when set (it must name an executable file);
 * 2. a Chromium installed on the machine (`chromium`, `chromium-browser`, `google-chrome` on PATH);
 * 3. the Chromium shipped inside the npm package `@sparticuz/chromium`, unpacked once per version into
 *    the system temp folder (about 3 s). A fresh machine with only Node and npm gets a browser this way:
 *    nothing from apt, nothing downloaded beyond the registry.
 *
 * Note: the package's own `args` are tuned for serverless (`--single-process`, web security off) and
 * are never used here; callers pass their own flags.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.CHROMIUM_PATH?.trim()
  if (configured) {
    if (!isExecutable(configured)) {
      throw new BrowserNotFoundError(
        `CHROMIUM_PATH is ${configured}, which is not an executable file: fix it, or unset it to use the bundled Chromium`,
      )
    }
    return configured
  }
  const installed = findOnPath(SYSTEM_BROWSERS, env.PATH ?? '')
  if (installed) return installed
  bundled ??= unpackBundledChromium().catch((error: unknown) => {
    bundled = undefined
    throw error
  })
  return bundled
}

/** A browser could not be found or unpacked; the message names the cause and the fix. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError'
}

const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']

let bundled: Promise<string> | undefined

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function findOnPath(names: string[], pathVariable: string): string | undefined {
  const folders = [...pathVariable.split(delimiter).filter(Boolean), '/usr/bin']
  for (const name of names) {
    for (const folder of folders) {
      const candidate = join(folder, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  return undefined
}

/**
 * Unpacks `@sparticuz/chromium` into `<tmp>/kairo-chromium-<version>-<user>/` and returns the binary's
 * path. The package unpacks into `os.tmpdir()` and treats an existing binary as done, so it runs in a
 * child process whose TMPDIR is a private staging folder, renamed into place only when complete:
 * a half-unpacked browser (an interrupted first run, two test processes at once) is never used.
 */
async function unpackBundledChromium(): Promise<string> {
  const entry = import.meta.resolve('@sparticuz/chromium')
  const { version } = JSON.parse(readFileSync(packageJsonOf(fileURLToPath(entry)), 'utf8')) as {
    version: string
  }
  const folder = join(tmpdir(), `kairo-chromium-${version}-${userInfo().uid}`)
  const binary = join(folder, 'chromium')
  if (isExecutable(binary)) return binary

  const staging = `${folder}.partial-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true, mode: 0o700 })
  const script = `import(${JSON.stringify(entry)}).then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))`
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
      timeout: 120_000,
    })
    if (stdout.trim() !== join(staging, 'chromium')) {
      throw new Error(`unexpected unpack location ${stdout.trim() || '(none)'}`)
    }
    try {
      renameSync(staging, folder)
    } catch (error) {
      // Another process finished first: keep its copy.
      if (!existsSync(binary)) throw error
      rmSync(staging, { recursive: true, force: true })
    }
    return binary
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new BrowserNotFoundError(
      `could not unpack the bundled Chromium (@sparticuz/chromium ${version}) into ${tmpdir()}: ${reason}. ` +
        'Free some space there, set TMPDIR to a writable folder, or set CHROMIUM_PATH to an installed Chromium',
    )
  }
}

/** The package.json of the package that holds `file` (the nearest one above it). */
function packageJsonOf(file: string): string {
  let folder = dirname(file)
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder)
  return join(folder, 'package.json')
}
