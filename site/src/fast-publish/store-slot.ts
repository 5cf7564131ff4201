// On globalThis under a registered symbol: scripts/fast-publish.ts sets it, and the render bundle it
// loads into the same process, which has its own bundled copy of this module, reads it.
const KEY = Symbol.for('kairo.fast-publish-store')
const slot = globalThis as { [KEY]?: string }

/** Names the last full build's content store (`data-store.json`) for the render bundle's endpoint. */
export function useStoreFile(file: string): void {
  slot[KEY] = file
}

/** The content store the fast publisher named, or undefined outside it. */
export function storeFile(): string | undefined {
  return slot[KEY]
}
