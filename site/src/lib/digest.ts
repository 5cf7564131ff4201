import { createHash } from 'node:crypto'

/** Objects with their keys sorted: a digest covers what the data says, not the order it arrived in. */
const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value

/**
 * A short digest of JSON-like data (the incremental build's cache keys, src/lib/cache-keys.ts). Lists
 * keep their order (it is what a page shows); objects' keys do not count: a media entry's sizes
 * once came back in download order and changed every page's key.
 */
export const digestOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value, sortedKeys)).digest('base64url').slice(0, 32)
