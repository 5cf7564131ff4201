import type { Document, Texture } from '@gltf-transform/core'
import { EXTTextureWebP, KHRTextureBasisu } from '@gltf-transform/extensions'
import { getTextureColorSpace, listTextureSlots } from '@gltf-transform/functions'
import sharp from 'sharp'
import type { ManifestTexture } from '../manifest.ts'
import type { LodLevel } from '../options.ts'
import type { Ktx2Encoder } from './ktx2.ts'

/** One texture as a LOD ships it: the manifest's record of it. */
export type TextureRecord = ManifestTexture

const COLOUR_SLOTS = /baseColor|emissive|sheenColor|specularColor|diffuse/i

function floorPowerOfTwo(value: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(1, value)))
}

/** The level's size for a texture: longest side at most `limit`, both sides powers of two, at least 4. */
export function fitTexture(width: number, height: number, limit: number): [number, number] {
  const scale = Math.min(1, limit / Math.max(width, height))
  return [Math.max(4, floorPowerOfTwo(width * scale)), Math.max(4, floorPowerOfTwo(height * scale))]
}

/** GPU memory of a texture with its mip chain: 1 byte per pixel block-compressed (BC7/ASTC/ETC2 RGBA), 4 as RGBA8. */
export function gpuBytes(width: number, height: number, bytesPerPixel: number): number {
  return Math.round(width * height * bytesPerPixel * (4 / 3))
}

function isColour(texture: Texture, slots: string[]): boolean {
  return getTextureColorSpace(texture) === 'srgb' || slots.some((slot) => COLOUR_SLOTS.test(slot))
}

/**
 * Resizes and re-encodes every texture of one LOD: KTX2 (ETC1S for colour in sRGB, UASTC for normal
 * and data maps, linear) or WebP for the first-frame level. Returns what each texture became.
 */
export async function encodeLodTextures(
  doc: Document,
  level: LodLevel,
  ktx2: Ktx2Encoder,
): Promise<TextureRecord[]> {
  const textures = doc.getRoot().listTextures()
  let usedKtx2 = false
  let usedWebp = false
  const records = await Promise.all(
    textures.map(async (texture, index): Promise<TextureRecord> => {
      const name = texture.getName() || texture.getURI() || `texture ${index}`
      const slots = listTextureSlots(texture)
      const image = texture.getImage()
      const mime = texture.getMimeType()
      const size = texture.getSize()
      if (!image || !size || !['image/png', 'image/jpeg', 'image/webp'].includes(mime)) {
        // Already GPU-compressed or unknown: shipped as it came.
        const [width, height] = size ?? [0, 0]
        return {
          name,
          slots,
          width,
          height,
          format: mime,
          bytes: image?.byteLength ?? 0,
          gpuBytes: gpuBytes(width, height, 4),
        }
      }
      const [width, height] = fitTexture(size[0], size[1], level.textureSize)
      const colour = isColour(texture, slots)
      let encoded: Uint8Array
      let format: string
      if (level.textureFormat === 'webp') {
        encoded = new Uint8Array(
          await sharp(image)
            .resize(width, height, { fit: 'fill' })
            .webp({ quality: colour ? 80 : 90, effort: 4 })
            .toBuffer(),
        )
        format = 'webp'
        usedWebp = true
        texture.setMimeType('image/webp')
      } else {
        const mode = colour ? 'etc1s' : 'uastc'
        encoded = await ktx2.encode({
          image,
          width,
          height,
          mode,
          normalMap: slots.includes('normalTexture'),
        })
        format = `ktx2-${mode}`
        usedKtx2 = true
        texture.setMimeType('image/ktx2')
      }
      texture.setImage(encoded)
      if (texture.getURI()) texture.setURI('')
      const perPixel = format === 'webp' ? 4 : 1
      return {
        name,
        slots,
        width,
        height,
        format,
        bytes: encoded.byteLength,
        gpuBytes: gpuBytes(width, height, perPixel),
      }
    }),
  )
  if (usedKtx2) doc.createExtension(KHRTextureBasisu).setRequired(true)
  if (usedWebp) doc.createExtension(EXTTextureWebP).setRequired(true)
  return records
}
