import type { Scope } from './scope.ts'

// A small in-isolate cache for the dashboard's busiest reads (the overview and the project and
// automation lists), checked against the database's data version rather than trusted for a while.
//
// Why: every request opens a new Postgres connection (Hyperdrive pools them in production, `wrangler
// dev` does not), and in a fresh backend the overview's statement (seven tables) costs more to parse
// and plan than to run. A client returns to the overview after every action, so most of those
// statements would recompute what the previous one returned.
//
// Why it is never stale: triggers raise `app.data_version` in the same transaction as any write to
// those tables (drizzle migration 0003), and the session statement reads the version on every request
// (`ValidatedSession.dataVersion`). An entry is used only when its version equals the request's, so a
// write, whoever made it, is seen on the next request, in every isolate. The data stored under a
// version was read after that version was, so it is never older than its key. The age limit covers
// what no write announces: milestones and deliveries dated in the future come due with the clock.

/** Options of {@link ReadCache}. */
export interface ReadCacheOptions {
  /** Entries kept; the least recently used goes first (an entry is a few kilobytes). */
  maxEntries: number
  /** The longest an entry is used, whatever the version (for rows dated in the future). */
  maxAgeMs: number
  /** The clock in milliseconds (tests move it). */
  now?: () => number
}

interface Entry {
  version: string
  storedAt: number
  value: unknown
}

/**
 * Values keyed by name and scope, each valid for one data version. Callers must treat returned values
 * as read-only: the same object is handed to every request that hits the entry.
 */
export class ReadCache {
  readonly #entries = new Map<string, Entry>()
  readonly #options: ReadCacheOptions

  constructor(options: ReadCacheOptions) {
    this.#options = options
  }

  /** How many entries are held. */
  get size(): number {
    return this.#entries.size
  }

  /**
   * The value stored under `key` for `version`, or what `load` returns (then stored). Two requests
   * that miss together both load; the later one's value stays.
   */
  async read<T>(key: string, version: string, load: () => Promise<T>): Promise<T> {
    const now = this.#now()
    const entry = this.#entries.get(key)
    // Map order is insertion order: deleting and re-adding marks the entry as the most recent.
    this.#entries.delete(key)
    if (entry && entry.version === version && now - entry.storedAt < this.#options.maxAgeMs) {
      this.#entries.set(key, entry)
      return entry.value as T
    }
    const value = await load()
    this.#entries.delete(key)
    this.#entries.set(key, { version, storedAt: now, value })
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#options.maxEntries) break
      this.#entries.delete(oldest)
    }
    return value
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear()
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now()
  }
}

/** The part of a cache key that keeps one scope's data from ever reaching another. */
export function scopeKey(scope: Scope): string {
  return scope.kind === 'all' ? 'all' : `company:${scope.companyId}`
}

/** The isolate's cache of dashboard reads (see the top of this file). */
export const dashboardReads = new ReadCache({ maxEntries: 500, maxAgeMs: 60_000 })
