import sharp from 'sharp'
import type { BuildCache } from '../cache.ts'
import { sha256 } from '../hash.ts'
import type { Ktx2Settings } from '../options.ts'
import type { Ktx2Job } from './ktx2-worker.ts'
import { WorkerPool } from './pool.ts'

/** Bumped when the encoder or how it is called changes, so cached textures are rebuilt. */
const ENCODER_VERSION = 'ktx2-encoder@0.6.0/1'

export interface Ktx2Request {
  /** The source image file (PNG, JPEG or WebP bytes). */
  image: Uint8Array
  width: number
  height: number
  /** ETC1S for colour (sRGB), UASTC for normal and data maps (linear). */
  mode: 'etc1s' | 'uastc'
  normalMap: boolean
}

/**
 * Encodes textures to KTX2 in worker threads, resized to the requested size first, with every
 * result cached by a hash of the source image, the size and the settings: the encoder takes
 * seconds per large texture, the cache a millisecond.
 */
export class Ktx2Encoder {
  readonly #pool: WorkerPool<Ktx2Job, Uint8Array>
  readonly #cache: BuildCache
  readonly #settings: Ktx2Settings
  /** Encodes done (not served from the cache), for the report. */
  encoded = 0

  constructor(cache: BuildCache, settings: Ktx2Settings, workers: number) {
    this.#pool = new WorkerPool(new URL('./ktx2-worker.ts', import.meta.url), workers)
    this.#cache = cache
    this.#settings = settings
  }

  async encode(request: Ktx2Request): Promise<Uint8Array> {
    const { image, width, height, mode, normalMap } = request
    const key = sha256(
      image,
      JSON.stringify({ ENCODER_VERSION, width, height, mode, normalMap, ...this.#settings }),
    )
    const cached = await this.#cache.getBlob('ktx2', key)
    if (cached) return cached
    const { data } = await sharp(image)
      .resize(width, height, { fit: 'fill' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const rgba = new Uint8Array(data) // a copy of its own, handed over to the worker without another copy
    const job: Ktx2Job = { rgba, width, height, mode, normalMap, ...this.#settings }
    const bytes = await this.#pool.run(job, [rgba.buffer])
    this.encoded++
    await this.#cache.putBlob('ktx2', key, bytes)
    return bytes
  }

  close(): Promise<void> {
    return this.#pool.close()
  }
}
