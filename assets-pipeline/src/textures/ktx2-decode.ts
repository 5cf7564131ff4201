import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { compileFunction } from 'node:vm'

/** Basis Universal's transcoder as its Emscripten module exposes it (the calls used here). */
interface Ktx2File {
  isValid(): boolean
  isUASTC(): boolean
  isETC1S(): boolean
  getWidth(): number
  getHeight(): number
  startTranscoding(): boolean
  getImageTranscodedSizeInBytes(level: number, layer: number, face: number, format: number): number
  transcodeImage(
    dst: Uint8Array,
    level: number,
    layer: number,
    face: number,
    format: number,
    flags: number,
    channel0: number,
    channel1: number,
  ): boolean
  close(): void
  delete(): void
}
interface BasisModule {
  initializeBasis(): void
  KTX2File: new (data: Uint8Array) => Ktx2File
}

/** `cTFRGBA32` in Basis Universal's transcoder_texture_format: 8-bit RGBA, uncompressed. */
const RGBA32 = 13

const require = createRequire(import.meta.url)
// `three` resolves to build/three.cjs; the transcoder lives under its examples.
const BASIS_DIR = join(dirname(dirname(require.resolve('three'))), 'examples', 'jsm', 'libs', 'basis')

let basis: Promise<BasisModule> | undefined

/**
 * The Basis transcoder three.js ships for KTX2Loader (so the pipeline reads KTX2 with the same build
 * the site's visitors decode it with). Its glue is a CommonJS-style script inside three's ES-module
 * package, which neither `import` nor `require` will load, so it runs here as the CommonJS module it
 * is, given the WebAssembly binary directly.
 */
function loadBasis(): Promise<BasisModule> {
  basis ??= (async () => {
    const filename = join(BASIS_DIR, 'basis_transcoder.js')
    const [glue, wasmBinary] = await Promise.all([
      readFile(filename, 'utf8'),
      readFile(join(BASIS_DIR, 'basis_transcoder.wasm')),
    ])
    const module = { exports: {} as unknown }
    compileFunction(glue, ['exports', 'require', 'module', '__filename', '__dirname'], { filename })(
      module.exports,
      require,
      module,
      filename,
      BASIS_DIR,
    )
    const factory = module.exports as (options: { wasmBinary: Uint8Array }) => Promise<BasisModule>
    const instance = await factory({ wasmBinary: new Uint8Array(wasmBinary) })
    instance.initializeBasis()
    return instance
  })()
  return basis
}

export interface DecodedImage {
  width: number
  height: number
  /** 8-bit RGBA, row by row, as stored (sRGB-encoded colour stays sRGB-encoded). */
  rgba: Uint8Array
}

/**
 * The top mip level of a Basis Universal KTX2 texture (ETC1S or UASTC, as KHR_texture_basisu
 * allows) as RGBA pixels, or null for any other KTX2 (HDR, a raw GPU format): those ship as they
 * came. The caller has already checked the header's size against the pixel limit.
 */
export async function decodeKtx2(bytes: Uint8Array): Promise<DecodedImage | null> {
  const module = await loadBasis()
  const file = new module.KTX2File(bytes)
  try {
    if (!file.isValid() || !(file.isUASTC() || file.isETC1S()) || !file.startTranscoding()) return null
    const rgba = new Uint8Array(file.getImageTranscodedSizeInBytes(0, 0, 0, RGBA32))
    if (!file.transcodeImage(rgba, 0, 0, 0, RGBA32, 0, -1, -1)) return null
    return { width: file.getWidth(), height: file.getHeight(), rgba }
  } finally {
    file.close()
    file.delete()
  }
}
