import type { BuildContext } from '../build-types.ts'
import { shortHash } from '../hash.ts'
import type { ManifestPosterImage, ModelManifest } from '../manifest.ts'
import { posterImages } from '../poster/images.ts'
import type { SceneBounds } from './bounds.ts'
import { emit } from './emit.ts'

/**
 * Renders the smallest level (what a visitor first sees drawn) in headless Chromium at the first of
 * `poster.widths`, framed by the bounds, and writes it as AVIF and WebP at every width. Null when
 * posters are off or no renderer was given.
 */
export async function buildPoster(
  smallest: Uint8Array,
  name: string,
  bounds: SceneBounds,
  ctx: BuildContext,
): Promise<{ poster: ModelManifest['poster']; keys: string[] }> {
  const settings = ctx.options.poster
  if (!ctx.poster || !settings.enabled) return { poster: null, keys: [] }
  const [width = 1200] = settings.widths
  const height = Math.round(width * settings.aspect)
  const png = await ctx.poster.render(smallest, {
    width,
    height,
    background: settings.background,
    center: bounds.center,
    radius: bounds.radius,
  })
  const images: ManifestPosterImage[] = []
  const keys: string[] = []
  for (const image of await posterImages(png, settings.widths, settings.aspect)) {
    const extension = image.type === 'image/avif' ? 'avif' : 'webp'
    const key = `models/${name}/${name}.poster-${image.width}.${shortHash(image.bytes)}.${extension}`
    await emit(ctx, key, image.bytes)
    keys.push(key)
    const { bytes, ...rest } = image
    images.push({ key, url: `${ctx.options.baseUrl}${key}`, ...rest, bytes: bytes.byteLength })
  }
  return { poster: { width, height, background: settings.background, images }, keys }
}
