import { resolveObjectURL } from 'node:buffer'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

// Runs in a worker thread of its own (decoder-workers.ts starts it): it has three's DRACOLoader and
// KTX2Loader assemble their decoder workers exactly as they do in a browser (their worker function's
// source after the decoder's glue), and hands back the text they would have put in a blob: URL. Run
// from three itself, the scripts follow whatever three version is installed. The thread keeps the
// one browser stand-in three needs here (ProgressEvent, fired while FileLoader reads a body) out of
// the build's own process.

if (typeof globalThis.ProgressEvent === 'undefined') {
  globalThis.ProgressEvent = class ProgressEvent extends Event {
    readonly lengthComputable: boolean
    readonly loaded: number
    readonly total: number
    constructor(type: string, init: ProgressEventInit = {}) {
      super(type)
      this.lengthComputable = init.lengthComputable ?? false
      this.loaded = init.loaded ?? 0
      this.total = init.total ?? 0
    }
  } as typeof globalThis.ProgressEvent
}

const { libs } = workerData as { libs: string }
const { LoadingManager } = await import('three')
const { DRACOLoader } = await import('three/examples/jsm/loaders/DRACOLoader.js')
const { KTX2Loader } = await import('three/examples/jsm/loaders/KTX2Loader.js')

/** The loaders read the glue (JS) from disk; the WebAssembly binaries are posted at run time, not built in. */
async function dataUrl(url: string): Promise<string> {
  if (url.endsWith('.wasm')) return 'data:application/wasm;base64,'
  const text = await readFile(join(libs, url), 'utf8')
  return `data:text/javascript;base64,${Buffer.from(text).toString('base64')}`
}

/** A manager that answers the loaders' fetches from three's `examples/jsm/libs/` folder. */
async function offlineManager(files: string[]) {
  const urls = new Map(await Promise.all(files.map(async (file) => [file, await dataUrl(file)] as const)))
  const manager = new LoadingManager()
  manager.setURLModifier((url) => {
    const local = urls.get(url)
    if (!local) throw new Error(`three asked for ${url}, which the decoder workers do not know`)
    return local
  })
  return manager
}

async function blobText(url: string, loader: string): Promise<string> {
  const blob = url.startsWith('blob:') ? resolveObjectURL(url) : undefined
  if (!blob) throw new Error(`${loader} no longer builds its worker from a blob: URL (got "${url}")`)
  return blob.text()
}

const draco = new DRACOLoader(
  await offlineManager(['draco/gltf/draco_wasm_wrapper.js', 'draco/gltf/draco_decoder.wasm']),
).setDecoderPath('draco/gltf/')
// `_initDecoder` is the step that fetches the glue and makes the worker's blob: URL.
const dracoInternals = draco as unknown as { _initDecoder(): Promise<void>; workerSourceURL: string }
await dracoInternals._initDecoder()

const ktx2 = new KTX2Loader(
  await offlineManager(['basis/basis_transcoder.js', 'basis/basis_transcoder.wasm']),
).setTranscoderPath('basis/')
await ktx2.init()

parentPort?.postMessage({
  draco: await blobText(dracoInternals.workerSourceURL, 'DRACOLoader'),
  basis: await blobText(ktx2.workerSourceURL, 'KTX2Loader'),
})
ktx2.dispose()
draco.dispose()
