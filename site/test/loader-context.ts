import { createHash } from 'node:crypto'
import type { LoaderContext } from 'astro/loaders'

type DataEntry = Parameters<LoaderContext['store']['set']>[0]

/**
 * A small in-memory stand-in for the context Astro passes to `load()`: a store whose `set` reports
 * whether the digest changed (as Astro's does), a meta map, a pass-through `parseData` that counts
 * calls, and a logger that keeps its lines.
 */
export function createLoaderContext() {
  const entries = new Map<string, DataEntry>()
  const meta = new Map<string, string>()
  const logs: string[] = []
  const parsed: string[] = []
  const store = {
    get: (key: string) => entries.get(key),
    set: (entry: DataEntry) => {
      if (entries.get(entry.id)?.digest === entry.digest && entry.digest !== undefined) return false
      entries.set(entry.id, entry)
      return true
    },
    entries: () => [...entries.entries()],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key: string) => void entries.delete(key),
    clear: () => entries.clear(),
    has: (key: string) => entries.has(key),
    addModuleImport: () => {},
  }
  const log = (message: string) => void logs.push(message)
  const context = {
    collection: 'caseStudies',
    store,
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => void meta.set(key, value),
      has: (key: string) => meta.has(key),
      delete: (key: string) => void meta.delete(key),
    },
    logger: {
      info: log,
      warn: log,
      error: log,
      debug: log,
      label: 'test',
      options: {},
      fork: () => context.logger,
    },
    config: {},
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id)
      return data
    },
    renderMarkdown: async () => ({ html: '' }),
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
  } as unknown as LoaderContext
  return { context, entries, meta, logs, parsed }
}
