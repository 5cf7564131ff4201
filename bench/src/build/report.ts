import { formatTable } from '../lib/table.ts'
import type { MeasuredRun } from './measure-process.ts'
import type { PublishFigures } from './publish-live.ts'

export interface BuildFigures {
  name: string
  caseStudies: number
  run: MeasuredRun
  pages: number
  /** Open Graph cards written (`og/*.jpg`), when the site renders them. */
  ogCards: number
  apiRequests: number | string
  fileRequests: number | string
  /** Files Astro rendered (not skipped as unchanged), from its log; builds through the build script. */
  rendered?: number
}

/** The one edit's fast publish (site/scripts/fast-publish.ts) and how the full build after it agreed. */
export interface FastPublishFigures {
  /** Seconds from its start until the edited page held the new text in `dist`. */
  liveAfter: number | undefined
  seconds: number
  summary: Record<string, unknown>
  pages: Map<string, string>
  /** CMS REST reads it made. */
  reads: number
  /** Of `pages`, how many the full build after it left byte for byte as the fast publisher wrote them. */
  agreed: number
  /** Seconds the render bundle took to build (once per change of the site's code). */
  bundleSeconds: number
}

export interface BuildReport {
  builds: {
    small: BuildFigures
    cold: BuildFigures
    warm: Record<'cms' | 'json', BuildFigures[]>
    warmFull: BuildFigures
    incremental: BuildFigures
  }
  fast: FastPublishFigures
  /** Publish to live in the browser (publish-live.ts). */
  publish: PublishFigures
  generated: Array<{ created: number; seconds: number }>
  changedSlug: string
  elapsedMs: number
  /** Whether the site renders Open Graph cards (printed first). */
  siteState: string
  goals: {
    coldPagesPerSecond: number
    warmPagesPerSecond: number
    editSeconds: number
    peakRssBytes: number
    maxRatio: number
    /** The incremental goals decide the exit status (10,000 case studies); below, printed only. */
    enforced: boolean
  }
}

const MB = 1024 * 1024
const perSecond = (build: BuildFigures) => build.pages / build.run.seconds
const verdict = (met: boolean) => (met ? 'met' : 'MISSED')

/** Prints bench:build's table and verdicts; true when every goal that counts was met. */
export function report({
  builds,
  fast,
  publish,
  generated,
  changedSlug,
  elapsedMs,
  siteState,
  goals,
}: BuildReport): boolean {
  const { small, cold, warm, warmFull, incremental } = builds
  const header = ['build', 'case studies', 'pages', 'rendered', 'OG cards', 'seconds', 'pages/s', 'peak RSS']
  const rows = [
    small,
    cold,
    ...warm.cms.flatMap((cms, i) => [cms, warm.json[i] as BuildFigures]),
    warmFull,
    incremental,
  ].map((build) => [
    build.name,
    String(build.caseStudies),
    String(build.pages),
    build.rendered === undefined ? 'all' : String(build.rendered),
    String(build.ogCards),
    build.run.seconds.toFixed(1),
    perSecond(build).toFixed(0),
    `${Math.round(build.run.peakRssBytes / MB)} MB`,
  ])
  const reads = [small, cold, ...warm.cms, warmFull, incremental].map((build) => build.apiRequests)
  // Constant: a build of 10× the pages makes as many reads as the small one; the content loader's
  // later builds may make fewer (what it already holds), never more.
  const readsFlat =
    cold.apiRequests === small.apiRequests &&
    [...warm.cms, warmFull, incremental].every(
      (build) => Number(build.apiRequests) <= Number(small.apiRequests),
    )
  console.log(`\nsite build benchmark, Node ${process.versions.node}, ${siteState}`)
  for (const [index, gen] of generated.entries())
    console.log(
      `content: step ${index + 1} created ${gen.created} documents in ${gen.seconds.toFixed(1)} s through the Local API (${(gen.created / gen.seconds).toFixed(0)}/s)`,
    )
  console.log(`\n${formatTable([header, ...rows])}\n`)
  console.log(
    `CMS REST reads per build: ${reads.join(', ')} (files downloaded, media and models: ${small.fileRequests} small, ${cold.fileRequests} cold) ${readsFlat ? '(constant: met)' : '(GREW: missed)'}`,
  )
  let ratioMet = true
  if (warm.cms.length > 0) {
    const fastest = (list: BuildFigures[]) => Math.min(...list.map((build) => build.run.seconds))
    const ratio = fastest(warm.cms) / fastest(warm.json)
    ratioMet = ratio <= goals.maxRatio
    console.log(
      `CMS build / JSON build (fastest of each): ${ratio.toFixed(2)} (goal ≤ ${goals.maxRatio}) ${verdict(ratioMet)}`,
    )
  }
  const peak = Math.max(cold.run.peakRssBytes, warmFull.run.peakRssBytes, incremental.run.peakRssBytes)
  const checks = [
    [
      `cold build with cards ≥ ${goals.coldPagesPerSecond} pages/s`,
      perSecond(cold) >= goals.coldPagesPerSecond,
    ],
    [
      `warm full build ≥ ${goals.warmPagesPerSecond} pages/s`,
      perSecond(warmFull) >= goals.warmPagesPerSecond,
    ],
    [
      `one edit live in dist within ${goals.editSeconds} s (${fast.liveAfter?.toFixed(1) ?? 'never'} s, fast publish)`,
      (fast.liveAfter ?? Number.POSITIVE_INFINITY) <= goals.editSeconds,
    ],
    [
      `the full build after it left the fast publisher's pages as they were (${fast.agreed} of ${fast.pages.size})`,
      fast.agreed === fast.pages.size,
    ],
    [`peak RSS under ${goals.peakRssBytes / MB} MB (${Math.round(peak / MB)} MB)`, peak < goals.peakRssBytes],
  ] as const
  for (const [goal, met] of checks)
    console.log(`${goal}: ${verdict(met)}${goals.enforced ? '' : ' (not enforced below 10,000)'}`)
  console.log(
    `fast publish: live after ${fast.liveAfter?.toFixed(2) ?? 'never'} s, process ${fast.seconds.toFixed(2)} s, ` +
      `${fast.reads} CMS read(s), summary ${JSON.stringify(fast.summary)}; render bundle built in ${fast.bundleSeconds.toFixed(1)} s`,
  )
  const changedLine = /case-studies: \d+ entries: .*/.exec(incremental.run.output)?.[0] ?? 'no loader line'
  console.log(
    `one edit's full build: /work/${changedSlug}/; loader said "${changedLine}"; ${incremental.rendered} files rendered, the rest cached`,
  )
  // Where the edit's build spent its time: the log lines that close each phase, with their clock time.
  const phases = incremental.run.output
    .split('\n')
    .filter((line) => /Synced content|✓ Completed in|stale file|_headers:|dist\/ updated/.test(line))
  console.log(`one edit, phases:\n  ${phases.join('\n  ')}`)
  const at = (seconds: number) => (Number.isNaN(seconds) ? 'not seen' : `${seconds.toFixed(1)} s`)
  console.log(
    `publish to live in the browser (/work/${publish.slug}/, ${incremental.caseStudies} case studies): ` +
      `served by the Worker ${at(publish.served)} after the Publish click (the CMS's fast publish); ` +
      `publish status queued ${at(publish.queued)}, building ${at(publish.building)} (the CMS's 3 s debounce), ` +
      `live ${at(publish.live)} (${publish.builtIn}, ${publish.written} files written by the full build)`,
  )
  console.log(`(${(elapsedMs / 1000).toFixed(0)} s in all)`)
  const incrementalMet = !goals.enforced || checks.every(([, met]) => met)
  return ratioMet && readsFlat && incrementalMet
}
