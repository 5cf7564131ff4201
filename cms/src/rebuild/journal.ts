import type { Payload } from 'payload'

import { consoleLog, type RebuildLog, summarise } from './types.ts'

/** A build's row in `site-builds` (src/collections/SiteBuilds). */
export interface BuildRef {
  id: number | string
  startedAt: number
}

export type BuildOutcome = { ok: true; note?: string } | { ok: false; error: string }

/** How many builds the admin keeps; older finished ones are removed after each build. */
export const KEPT_BUILDS = 100
/** The longest error start kept: enough for Astro's message and its file, not a whole log. */
export const ERROR_CHARS = 2000

/**
 * The site's build history, as editors see it in the admin. Each change that reaches visitors joins
 * the one queued build (created on the first); when the build starts, the queued row becomes
 * `building`, and changes saved from then on open the next queued row: a build reads the CMS when it
 * starts, so it carries exactly the changes saved before. It ends `live` or `failed` with the start
 * of its error.
 *
 * Writes are chained one after another (two changes in the same instant cannot open two queued
 * rows), run outside the saves' transactions, and never throw: a journal that cannot write logs it,
 * and the build goes on.
 */
export class BuildJournal {
  #chain: Promise<unknown> = Promise.resolve()
  #queued: { id: number | string; changes: string[] } | undefined

  readonly #payload: Payload
  readonly #rebuilder: string
  readonly #log: RebuildLog

  constructor(payload: Payload, rebuilder: string, log: RebuildLog = consoleLog) {
    this.#payload = payload
    this.#rebuilder = rebuilder
    this.#log = log
  }

  /** A change that reaches visitors: it joins the queued build. */
  queued(change: string): Promise<void> {
    return this.#then('note a change', async () => {
      if (this.#queued) {
        this.#queued.changes.push(change)
        await this.#update(this.#queued.id, this.#changes(this.#queued.changes))
        return
      }
      const row = await this.#payload.create({
        collection: 'site-builds',
        data: {
          status: 'queued',
          queuedAt: new Date().toISOString(),
          rebuilder: this.#rebuilder,
          ...this.#changes([change]),
        },
        overrideAccess: true,
      })
      this.#queued = { id: row.id, changes: [change] }
    })
  }

  /** The build starts: the queued row (or a new one, for a build nobody journaled) is now building. */
  async started(): Promise<BuildRef | undefined> {
    const startedAt = Date.now()
    return this.#then('start a build', async () => {
      const queued = this.#queued
      this.#queued = undefined
      const data = { status: 'building' as const, startedAt: new Date(startedAt).toISOString() }
      if (queued) {
        await this.#update(queued.id, data)
        return { id: queued.id, startedAt }
      }
      const row = await this.#payload.create({
        collection: 'site-builds',
        data: {
          ...data,
          queuedAt: data.startedAt,
          rebuilder: this.#rebuilder,
          ...this.#changes(['a rebuild']),
        },
        overrideAccess: true,
      })
      return { id: row.id, startedAt }
    })
  }

  /** The build ended: live, or failed with the start of its error. Old builds are then let go. */
  finished(build: BuildRef | undefined, outcome: BuildOutcome): Promise<void> {
    const finishedAt = Date.now()
    return this.#then('record a build’s end', async () => {
      if (!build) return
      await this.#update(build.id, {
        status: outcome.ok ? 'live' : 'failed',
        finishedAt: new Date(finishedAt).toISOString(),
        durationMs: finishedAt - build.startedAt,
        error: outcome.ok ? null : outcome.error.slice(0, ERROR_CHARS),
      })
      await this.#forgetOldBuilds()
    })
  }

  #changes(changes: string[]) {
    return { summary: summarise(changes), changes: [...new Set(changes)] }
  }

  async #update(id: number | string, data: Record<string, unknown>) {
    await this.#payload.update({ collection: 'site-builds', id, data, overrideAccess: true })
  }

  async #forgetOldBuilds() {
    const { docs } = await this.#payload.find({
      collection: 'site-builds',
      sort: '-queuedAt',
      limit: 1,
      page: KEPT_BUILDS + 1,
      depth: 0,
      overrideAccess: true,
    })
    const oldest = docs[0]?.queuedAt
    if (!oldest) return
    await this.#payload.delete({
      collection: 'site-builds',
      where: { queuedAt: { less_than_equal: oldest }, status: { in: ['live', 'failed'] } },
      overrideAccess: true,
    })
  }

  #then<T>(what: string, step: () => Promise<T>): Promise<T | undefined> {
    const next = this.#chain.then(step).catch((error: unknown) => {
      this.#log.warn(
        `could not ${what} in the build history (${error instanceof Error ? error.message : error})`,
      )
      return undefined
    })
    this.#chain = next
    return next
  }
}

/**
 * Marks builds left `queued` or `building` by a CMS that stopped as failed, once at start: nobody
 * will finish them, and editors must not wait for them.
 */
export async function failInterruptedBuilds(payload: Payload): Promise<void> {
  await payload.update({
    collection: 'site-builds',
    where: { status: { in: ['queued', 'building'] } },
    data: {
      status: 'failed',
      finishedAt: new Date().toISOString(),
      error: 'The CMS stopped before this build finished. The next publish builds the site again.',
    },
    overrideAccess: true,
  })
}
