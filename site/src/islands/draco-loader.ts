import { FileLoader } from 'three'
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js'

/**
 * three's DRACOLoader with its worker from a script file on the site's origin instead of a blob: URL.
 * three fetches the decoder's glue and builds the worker from a blob: URL, which runs under the
 * page's CSP; the build writes that same worker as a file (decoder-workers.ts), which runs under the
 * policy of its own response (`_headers`). Only the WebAssembly binary is still fetched here and
 * posted to each worker, as three does.
 */
export class SameOriginDRACOLoader extends DRACOLoader {
  // three's own fields (not in its type declarations): the pending setup, the worker's URL and the
  // configuration each worker receives.
  declare decoderPending: Promise<void> | null
  declare workerSourceURL: string
  declare decoderConfig: { wasmBinary?: ArrayBuffer }

  /** The URLs of the worker script and of the decoder's WebAssembly binary. */
  private readonly files: { worker: string; wasm: string }

  constructor(files: { worker: string; wasm: string }) {
    super()
    this.files = files
  }

  /** Replaces three's step that fetches the glue and makes the blob: URL; the rest of the loader is three's. */
  _initDecoder(): Promise<void> {
    this.decoderPending ??= new FileLoader(this.manager)
      .setResponseType('arraybuffer')
      .setWithCredentials(this.withCredentials)
      .loadAsync(this.files.wasm)
      .then((binary) => {
        this.decoderConfig.wasmBinary = binary as ArrayBuffer
        this.workerSourceURL = this.files.worker
      })
    return this.decoderPending
  }
}
