import { spawn } from 'node:child_process'

import { serialized } from './serialized.ts'
import { consoleLog, type RebuildLog, type SiteRebuilder } from './types.ts'

export interface LocalRebuildOptions {
  /** The site package (its `build` script writes `dist/`, which `wrangler dev` serves). */
  siteDir: string
  /** Where the site's build reads content (its `CMS_URL`). */
  cmsUrl: string
  /** `astro dev`'s refresh endpoint (see README "Site rebuilds"); told first, it answers in a second. */
  devRefreshUrl?: string
  /** The build command; `pnpm run build` unless a test swaps it. */
  command?: readonly [string, ...string[]]
  log?: RebuildLog
}

/** Lines of a failed build's output shown in the log; a build prints a few hundred. */
const TAIL_LINES = 25
/** Lines kept to find where a failed build's error starts (Astro prints it above its stack trace). */
const KEPT_LINES = 200

/** A site build that exited with an error; `output` is its last lines, where the error starts. */
export class SiteBuildFailed extends Error {
  readonly code: number | null
  readonly output: readonly string[]

  constructor(code: number | null, output: readonly string[]) {
    super(`site build exited with ${code}`)
    this.name = 'SiteBuildFailed'
    this.code = code
    this.output = output
  }
}

/**
 * A rebuilder for development: tells `astro dev` to reload its content (when `devRefreshUrl` is set),
 * then runs the site's build so `site/dist` (served by `wrangler dev`) matches the CMS. One build at a
 * time; requests during a build cause exactly one more. The build's output is summarised: a line when
 * it starts and ends, and the last lines when it fails.
 */
export function localRebuilder(options: LocalRebuildOptions): SiteRebuilder {
  const { siteDir, cmsUrl, devRefreshUrl, command = ['pnpm', 'run', 'build'], log = consoleLog } = options
  const build = serialized(async (reason) => {
    await Promise.all([devRefreshUrl ? refreshDevServer(devRefreshUrl, reason, log) : undefined, runBuild()])
    log.info(`site rebuilt: ${reason}`)
  })

  function runBuild(): Promise<void> {
    const started = performance.now()
    const [cmd, ...args] = command
    const child = spawn(cmd, args, {
      cwd: siteDir,
      env: buildEnv(cmsUrl) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const tail: string[] = []
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) tail.push(line)
      }
      tail.splice(0, Math.max(0, tail.length - KEPT_LINES))
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    return new Promise((resolve, reject) => {
      child.on('error', (error) => reject(new Error(`could not start the site build: ${error.message}`)))
      child.on('close', (code) => {
        const seconds = ((performance.now() - started) / 1000).toFixed(1)
        if (code === 0) {
          log.info(`site build done in ${seconds} s`)
          resolve()
          return
        }
        log.warn(`site build failed (exit ${code}, ${seconds} s); its last lines:`)
        for (const line of tail.slice(-TAIL_LINES)) log.warn(`[site build] ${line}`)
        reject(new SiteBuildFailed(code, tail))
      })
    })
  }

  return { name: 'local build', request: build }
}

/**
 * Best effort: the dev server may not be running (only `wrangler dev` serving dist, say); a failure
 * is logged, never fatal, and the build still runs.
 */
async function refreshDevServer(url: string, reason: string, log: RebuildLog): Promise<void> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
      signal: AbortSignal.timeout(30_000),
    })
    await response.body?.cancel()
    if (response.ok) log.info(`astro dev refreshed its content (${response.status})`)
    else log.warn(`astro dev refresh answered ${response.status}`)
  } catch (error) {
    log.warn(`astro dev refresh failed (${error instanceof Error ? error.name : 'unknown'}); is it running?`)
  }
}

/**
 * The site build's environment: the CMS's own, minus what Next sets for itself (NODE_ENV=development
 * under `next dev` would make Vite build in development mode; PORT is the CMS's) and the CMS's secrets.
 */
function buildEnv(cmsUrl: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV|PORT|PAYLOAD_SECRET|SITE_DEPLOY_HOOK_URL)$|^(__)?NEXT_|^npm_/.test(key)) continue
    env[key] = value
  }
  return { ...env, CMS_URL: cmsUrl, ASTRO_TELEMETRY_DISABLED: '1' }
}
