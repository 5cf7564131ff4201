import { join } from 'node:path'
import type { BuildContext } from '../build-types.ts'
import { writeAtomic } from '../cache.ts'

/** Writes one output file, atomically, and keeps a copy in the cache for the next unchanged build. */
export async function emit(ctx: BuildContext, key: string, bytes: Uint8Array): Promise<void> {
  await writeAtomic(join(ctx.outDir, key), bytes)
  await ctx.cache.putFile(key, bytes)
}
