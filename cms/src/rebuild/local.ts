import { spawn } from 'node:child_process'

import { recordFastPublish } from './fast-published.ts'
import { serialized } from './serialized.ts'
import { consoleLog, type PublishedEdit, type RebuildLog, type SiteRebuilder } from './types.ts'

export interface LocalRebuildOptions {
  /** The site package (its `build` script writes `dist/`, which `wrangler dev` serves). */
  siteDir: string
  /** Where the site's build reads content (its `CMS_URL`). */
  cmsUrl: string
  /** `astro dev`'s refresh endpoint (see README "Site rebuilds"); told first, it answers in a second. */
  devRefreshUrl?: string
  /** The build command; `pnpm run build` unless a test swaps it. */
  command?: readonly [string, ...string[]]
  /** Puts published edits live before the build (the site's README "Fast publish"); off unless given. */
  fastPublish?: FastPublishOptions
  log?: RebuildLog
}

export interface FastPublishOptions {
  /** The fast publisher, given `<collection>:<id>`; `node scripts/fast-publish.ts` unless a test swaps it. */
  command?: readonly [string, ...string[]]
  /** Run after each good build: brings the fast publisher's render bundle up to date (a no-op when it is). */
  bundleCommand?: readonly [string, ...string[]]
}

/** What became of a fast publish: live (how long it took, pages written), or left to the full build. */
export type FastPublishOutcome = { live: true; ms: number; written: number } | { live: false; reason: string }

/** The local rebuilder, which can also put a published edit live before the build that follows it. */
export interface LocalRebuilder extends SiteRebuilder {
  /** Renders the pages `edit` changes into `dist/` now, unless a build runs or other changes wait for one. */
  fastPublish(edit: PublishedEdit): Promise<FastPublishOutcome>
  /** A change only a full build can publish (media, settings, a delete): no fast publish until one starts. */
  changedWithoutEdit(): void
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
 *
 * With `fastPublish`, a published edit also goes live at once, before the (debounced) build: the
 * site's fast publisher renders the pages it changes from the last build's content store plus the
 * edited documents (site/README.md "Fast publish"). Never beside a build: one waits for the other, and
 * an edit that arrives while a build runs is left to the next one. Never after a change only a build
 * can publish (a new image, the settings, a delete), until a build that covers it has started: the
 * last build's store would lack what the edited page may show. Fast publishes run one at a time.
 */
export function localRebuilder(options: LocalRebuildOptions): LocalRebuilder {
  const { siteDir, cmsUrl, devRefreshUrl, command = ['pnpm', 'run', 'build'], log = consoleLog } = options
  const fast = options.fastPublish && {
    command: options.fastPublish.command ?? [process.execPath, 'scripts/fast-publish.ts'],
    bundleCommand: options.fastPublish.bundleCommand ?? [process.execPath, 'scripts/render-bundle.ts'],
  }
  let building = false
  // A change since the last build started that a fast publish cannot show.
  let waitsForBuild = false
  let fastRuns: Promise<unknown> = Promise.resolve()

  const build = serialized(async (reason) => {
    building = true
    const waitedBefore = waitsForBuild
    waitsForBuild = false
    try {
      await fastRuns
      await Promise.all([
        devRefreshUrl ? refreshDevServer(devRefreshUrl, reason, log) : undefined,
        runBuild(),
      ])
      log.info(`site rebuilt: ${reason}`)
      // After the build, not in it (the publish status says live as soon as the site is): fast
      // publishes wait for the bundle, and so does the next build.
      if (fast) fastRuns = fastRuns.then(() => refreshRenderBundle(fast.bundleCommand))
    } catch (error) {
      // The build did not publish what waited for it.
      waitsForBuild ||= waitedBefore
      throw error
    } finally {
      building = false
    }
  })

  function runBuild(): Promise<void> {
    const started = performance.now()
    return runInSite(command, []).then(({ code, tail }) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      if (code === 0) {
        log.info(`site build done in ${seconds} s`)
        return
      }
      log.warn(`site build failed (exit ${code}, ${seconds} s); its last lines:`)
      for (const line of tail.slice(-TAIL_LINES)) log.warn(`[site build] ${line}`)
      throw new SiteBuildFailed(code, tail)
    })
  }

  /** Never fails the build it follows: without a fresh bundle, fast publishes are left to builds. */
  async function refreshRenderBundle(bundleCommand: readonly [string, ...string[]]): Promise<void> {
    const { code, tail } = await runInSite(bundleCommand, []).catch((error: Error) => ({
      code: null,
      tail: [error.message],
    }))
    if (code !== 0)
      log.warn(`the fast publisher's render bundle was not built: ${tail.slice(-3).join(' / ')}`)
  }

  async function runFastPublish(command: readonly [string, ...string[]], edit: PublishedEdit) {
    const started = performance.now()
    const { code, tail } = await runInSite(command, [`${edit.collection}:${edit.id}`])
    const answer = parseLastLine(tail)
    if (code === 0) {
      const written = Number(answer?.written ?? 0)
      const ms = Math.round(performance.now() - started)
      log.info(`${edit.collection} ${edit.id} live in ${ms} ms, before the build (${written} pages written)`)
      return { live: true, ms, written } as const
    }
    const reason =
      code === 3 && typeof answer?.left === 'string'
        ? answer.left
        : `exit ${code}: ${tail.slice(-3).join(' / ')}`
    ;(code === 3 ? log.info : log.warn)(`${edit.collection} ${edit.id} left to the build: ${reason}`)
    return { live: false, reason } as const
  }

  function runInSite(cmdline: readonly [string, ...string[]], extra: string[]) {
    const [cmd, ...args] = cmdline
    const child = spawn(cmd, [...args, ...extra], {
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
    return new Promise<{ code: number | null; tail: string[] }>((resolve, reject) => {
      child.on('error', (error) => reject(new Error(`could not start ${cmd}: ${error.message}`)))
      child.on('close', (code) => resolve({ code, tail }))
    })
  }

  return {
    name: 'local build',
    request: (reason) => build(reason),
    fastPublish(edit) {
      if (!fast) return Promise.resolve({ live: false, reason: 'fast publishing is off' })
      // Decided when asked: a build that starts later waits for this publish (it awaits `fastRuns`).
      const declined = (reason: string) => {
        log.info(`${edit.collection} ${edit.id} left to the build: ${reason}`)
        return Promise.resolve({ live: false, reason } as const)
      }
      if (building) return declined('a build is running; the next one publishes it')
      if (waitsForBuild) return declined('other changes wait for the build')
      const attempt = fastRuns.then(() =>
        runFastPublish(fast.command, edit).catch((error: Error): FastPublishOutcome => {
          log.warn(`${edit.collection} ${edit.id} left to the build: ${error.message}`)
          return { live: false, reason: error.message }
        }),
      )
      fastRuns = attempt
      return attempt
    },
    changedWithoutEdit() {
      waitsForBuild = true
    },
  }
}

/** The JSON a site script prints last, if its last line is JSON. */
function parseLastLine(lines: readonly string[]): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(lines.at(-1) ?? '')
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * The rebuilder the hooks ask, around a local one: a published edit starts a fast publish at once
 * (not awaited: the save never waits for it; one that went live is noted for the publish status,
 * ./fast-published.ts), any other change holds fast publishes back until a build starts; then the
 * request goes on to `rebuilder` (the local one, journaled and debounced).
 */
export function withFastPublish(rebuilder: SiteRebuilder, local: LocalRebuilder): SiteRebuilder {
  return {
    name: rebuilder.name,
    request(reason, edit) {
      if (edit)
        void local.fastPublish(edit).then((outcome) => {
          if (outcome.live) recordFastPublish(edit)
        })
      else local.changedWithoutEdit()
      return rebuilder.request(reason)
    },
  }
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
