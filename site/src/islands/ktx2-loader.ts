import { FileLoader } from 'three'
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js'

/**
 * three's KTX2Loader with its Basis transcoder worker from a script file on the site's origin
 * instead of a blob: URL. three builds that worker from a blob: URL, which runs under the page's CSP
 * (and the transcoder's embind glue makes functions from strings: `'unsafe-eval'`); the build writes
 * the same worker as a file (decoder-workers.ts), which runs under the policy of its own response
 * (`_headers`), so the page needs no `'unsafe-eval'`. The WebAssembly binary is fetched here and
 * posted to each worker, as three does.
 */
export class SameOriginKTX2Loader extends KTX2Loader {
  /** The URLs of the worker script and of the transcoder's WebAssembly binary. */
  private readonly files: { worker: string; wasm: string }

  constructor(files: { worker: string; wasm: string }) {
    super()
    this.files = files
  }

  /** Replaces three's setup (glue, blob: URL); the worker pool and the transcoding are three's. */
  override init(): Promise<void> {
    this.transcoderPending ??= new FileLoader(this.manager)
      .setResponseType('arraybuffer')
      .setWithCredentials(this.withCredentials)
      .loadAsync(this.files.wasm)
      .then((binary) => {
        this.transcoderBinary = binary as ArrayBuffer
        this.workerSourceURL = this.files.worker
        this.workerPool.setWorkerCreator(() => {
          const worker = new Worker(this.workerSourceURL)
          // Each worker gets its own copy: the binary is transferred, not shared.
          const transcoderBinary = (this.transcoderBinary as ArrayBuffer).slice(0)
          worker.postMessage({ type: 'init', config: this.workerConfig, transcoderBinary }, [
            transcoderBinary,
          ])
          return worker
        })
      })
    return this.transcoderPending
  }
}
