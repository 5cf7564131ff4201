import { decoderTransferBytes } from './decoders.ts'
import { formatBytes } from './format.ts'
import type { ModelManifest } from './manifest.ts'
import type { Budgets } from './options.ts'

/** Budgets from the seed: smallest LOD ≤ 100 KB, LOD0 ≤ 200 KB, initial 3D bytes per page ≤ 500 KB. */
export const DEFAULT_BUDGETS: Budgets = { smallestLod: 100_000, lod0: 200_000, page: 500_000 }

const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`

function breakdown(lod: ModelManifest['lods'][number]): string {
  const textureBytes = lod.textures.reduce((sum, t) => sum + t.bytes, 0)
  const largest = Math.max(0, ...lod.textures.map((t) => Math.max(t.width, t.height)))
  const parts = [
    `geometry ${kb(lod.bytes - textureBytes)} for ${lod.triangles.toLocaleString('en-US')} triangles`,
  ]
  if (lod.textures.length > 0)
    parts.unshift(`${lod.textures.length} texture(s) ${kb(textureBytes)} at ≤${largest} px`)
  return parts.join(', ')
}

/** The model's budget warnings, each with the reason the budget could not be met. */
export function modelBudgetWarnings(
  manifest: Pick<ModelManifest, 'lods'>,
  budgets: Budgets = DEFAULT_BUDGETS,
): string[] {
  const warnings: string[] = []
  const lod0 = manifest.lods[0]
  const smallest = manifest.lods.at(-1)
  if (smallest && smallest.bytes > budgets.smallestLod) {
    warnings.push(
      `smallest LOD is ${kb(smallest.bytes)}, over the ${kb(budgets.smallestLod)} budget: ${breakdown(smallest)} (simplified as far as the error bound allows; a larger error or smaller textures would go further)`,
    )
  }
  if (lod0 && manifest.lods.length > 1 && lod0.bytes > budgets.lod0) {
    warnings.push(`LOD0 is ${kb(lod0.bytes)}, over the ${kb(budgets.lod0)} budget: ${breakdown(lod0)}`)
  }
  return warnings
}

export interface PageBudget {
  /** Smallest LODs of the page's models plus each decoder they need, once. */
  bytes: number
  models: number
  decoders: string[]
  limit: number
  ok: boolean
  message: string
}

/**
 * Initial 3D bytes of a page that shows these models: each model's smallest LOD plus the decoders
 * those levels need (counted once, gzip). Posters are images, not 3D, and are not counted. For the
 * site to call at build time, with the manifests of the models a page embeds.
 */
export function pageInitial3DBytes(
  manifests: Pick<ModelManifest, 'name' | 'lods'>[],
  limit = DEFAULT_BUDGETS.page,
  decoderBytes: Record<string, number> = decoderTransferBytes(),
): PageBudget {
  const decoders = new Set<string>()
  let bytes = 0
  for (const manifest of manifests) {
    const first = manifest.lods.at(-1)
    if (!first) continue
    bytes += first.bytes
    for (const decoder of first.decoders) decoders.add(decoder)
  }
  for (const decoder of decoders) bytes += decoderBytes[decoder] ?? 0
  const ok = bytes <= limit
  const message = `${formatBytes(bytes)} of 3D before the first frame (${manifests.length} model(s), decoders: ${[...decoders].join(', ') || 'none'}); budget ${formatBytes(limit)}${ok ? '' : ' — over'}`
  return { bytes, models: manifests.length, decoders: [...decoders].sort(), limit, ok, message }
}
