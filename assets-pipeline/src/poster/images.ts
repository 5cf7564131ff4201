import sharp from 'sharp'

export interface PosterImage {
  type: 'image/avif' | 'image/webp'
  width: number
  height: number
  bytes: Uint8Array
}

/**
 * The poster as the site's `<img>`/`<picture>` needs it: AVIF and WebP at each width (the first is
 * the rendered size, the others for `srcset`), the height from the aspect ratio.
 */
export async function posterImages(
  png: Uint8Array,
  widths: number[],
  aspect: number,
): Promise<PosterImage[]> {
  const images: PosterImage[] = []
  for (const width of widths) {
    const height = Math.round(width * aspect)
    const resized = sharp(png).resize(width, height, { fit: 'cover' })
    const [avif, webp] = await Promise.all([
      resized.clone().avif({ quality: 55, effort: 4 }).toBuffer(),
      resized.clone().webp({ quality: 78, effort: 4 }).toBuffer(),
    ])
    images.push({ type: 'image/avif', width, height, bytes: new Uint8Array(avif) })
    images.push({ type: 'image/webp', width, height, bytes: new Uint8Array(webp) })
  }
  return images
}
