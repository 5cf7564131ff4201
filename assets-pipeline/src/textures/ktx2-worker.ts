// A worker thread that encodes one RGBA image to KTX2 per message (Basis Universal in WASM, which
// is slow and single-threaded, hence several of these). The encoder prints progress with
// console.log; silenced here so it cannot interleave with the CLI's output.
import { parentPort } from 'node:worker_threads'

console.log = () => {}
console.info = () => {}
const { encodeToKTX2 } = await import('ktx2-encoder')

export interface Ktx2Job {
  rgba: Uint8Array
  width: number
  height: number
  mode: 'etc1s' | 'uastc'
  normalMap: boolean
  etc1sQuality: number
  etc1sEffort: number
  uastcEffort: number
  uastcRdo: number
  zstd: boolean
  mipmaps: boolean
}

parentPort?.on('message', async (job: Ktx2Job) => {
  try {
    const image = { data: job.rgba, width: job.width, height: job.height }
    const colour = job.mode === 'etc1s'
    const bytes = await encodeToKTX2(job.rgba, {
      imageDecoder: async () => image,
      isUASTC: !colour,
      // Colour is sRGB and encoded perceptually; normal and data maps are linear.
      isPerceptual: colour,
      isSetKTX2SRGBTransferFunc: colour,
      isNormalMap: job.normalMap,
      qualityLevel: job.etc1sQuality,
      compressionLevel: job.etc1sEffort,
      uastcLDRQualityLevel: job.uastcEffort,
      enableRDO: !colour && job.uastcRdo > 0,
      rdoQualityLevel: job.uastcRdo,
      needSupercompression: job.zstd,
      generateMipmap: job.mipmaps,
    })
    parentPort?.postMessage({ ok: true, value: bytes }, [bytes.buffer as ArrayBuffer])
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) })
  }
})
