import { processSlot } from '../lib/process-slot.ts'

// scripts/fast-publish.ts sets it, and the render bundle it loads into the same process, which has
// its own bundled copy of this module, reads it.
const slot = processSlot<string>('kairo.fast-publish-store')

/** Names the last full build's content store (`data-store.json`) for the render bundle's endpoint. */
export function useStoreFile(file: string): void {
  slot.set(file)
}

/** The content store the fast publisher named, or undefined outside it. */
export function storeFile(): string | undefined {
  return slot.get()
}
