import type { BuildJournal } from './journal.ts'
import { SiteBuildFailed } from './local.ts'
import type { SiteRebuilder } from './types.ts'

/** The journal once the CMS has started (src/rebuild/index.ts), or none yet: then nothing is recorded. */
export type JournalSource = () => BuildJournal | undefined

/**
 * Outside the debounce: every request is a change that joins the queued build, so editors see it
 * queued the moment they publish, not only when the build starts.
 */
export function journalRequests(rebuilder: SiteRebuilder, journal: JournalSource): SiteRebuilder {
  return {
    name: rebuilder.name,
    request(reason) {
      void journal()?.queued(reason)
      return rebuilder.request(reason)
    },
  }
}

/**
 * Inside the debounce: each run of the real rebuilder is one build, `building` while it runs, then
 * `live` or `failed` with the start of its error. With `finishedByReport` (a deploy hook, which only
 * starts a build elsewhere), an accepted request leaves the build `building` until the deploy reports
 * its end (src/collections/SiteBuilds/report-endpoint.ts).
 */
export function journalBuilds(
  rebuilder: SiteRebuilder,
  journal: JournalSource,
  { finishedByReport = false }: { finishedByReport?: boolean } = {},
): SiteRebuilder {
  return {
    name: rebuilder.name,
    async request(reason) {
      const current = journal()
      const build = await current?.started()
      try {
        await rebuilder.request(reason)
      } catch (error) {
        await current?.finished(build, { ok: false, error: errorStart(error) })
        throw error
      }
      if (!finishedByReport) await current?.finished(build, { ok: true })
    },
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g
/** Astro's own progress lines (`03:50:04 [content] ...`), the page list (`  ├─ /work/x/ (+12ms)`), blanks. */
const PROGRESS = /^(\d\d:\d\d:\d\d |\s+[├└│]|\$ |\s*$)/
const REPORTS_ERROR = /error|failed|cannot/i
/** pnpm's closing line says nothing the lines above did not. */
const NOISE = /^\[?ELIFECYCLE\]?/

/**
 * What an editor needs of a failed build: its output from where the error is reported, without
 * terminal colours. Astro prints an uncaught error's message, then `Stack trace:`; the message is the
 * block of lines just above that are not progress lines. Otherwise, from the first line that says
 * error, failed or cannot; else the last lines. Other failures (no build ran): the message.
 */
export function errorStart(error: unknown): string {
  if (!(error instanceof SiteBuildFailed)) return error instanceof Error ? error.message : String(error)
  const lines = error.output.map((line) => line.replace(ANSI, '')).filter((line) => !NOISE.test(line))
  const stack = lines.findIndex((line) => /^\s*Stack trace:/.test(line))
  let first = stack
  while (first > 0 && !PROGRESS.test(lines[first - 1] ?? '')) first--
  if (stack === -1 || first === stack) first = lines.findIndex((line) => REPORTS_ERROR.test(line))
  return (first === -1 ? lines.slice(-10) : lines.slice(first)).join('\n') || error.message
}
