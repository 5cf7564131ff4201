import type { ZSTDDecoder as ThreeZSTDDecoder } from 'three/examples/jsm/libs/zstddec.module.js'

/**
 * Stands in for three's ZSTDDecoder wherever KTX2Loader imports it (src/integrations/islands.ts
 * points that import here). KTX2Loader needs Zstandard only for KTX2 textures in a raw GPU format;
 * the pipeline writes Basis Universal ones, which the Basis transcoder decompresses itself. Its
 * decoder (12 KB gzip, WebAssembly inline) then loads with the loader on every page with a KTX2
 * level for nothing: here it is fetched only when a texture does need it, with the same API.
 */
export class ZSTDDecoder {
  #decoder: ThreeZSTDDecoder | undefined

  async init(): Promise<void> {
    const { ZSTDDecoder: Decoder } = await import('three/examples/jsm/libs/zstddec.module.js')
    const decoder = new Decoder()
    await decoder.init()
    this.#decoder = decoder
  }

  decode(array: Uint8Array, uncompressedSize?: number): Uint8Array {
    if (!this.#decoder) throw new Error('ZSTDDecoder: call init() first')
    return this.#decoder.decode(array, uncompressedSize)
  }
}
