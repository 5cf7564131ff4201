import { Worker } from 'node:worker_threads'
import { DECODER_WORKERS } from '../islands/decoder-workers.ts'

let scripts: Promise<Map<string, string>> | undefined

/**
 * The decoders' worker scripts (src/islands/decoder-workers.ts names them), keyed by their path in
 * the decoders' folder: three's own worker code with the decoder's glue from `libs` (three's
 * `examples/jsm/libs/`), assembled by three's loaders in a thread of their own
 * (decoder-workers.thread.ts). Made once per process.
 */
export function decoderWorkerScripts(libs: string): Promise<Map<string, string>> {
  scripts ??= new Promise((resolve, reject) => {
    const thread = new Worker(new URL('./decoder-workers.thread.ts', import.meta.url), {
      workerData: { libs },
    })
    thread.once('message', (texts: Record<keyof typeof DECODER_WORKERS, string>) =>
      resolve(
        new Map(
          Object.entries(DECODER_WORKERS).map(([name, path]) => [path, texts[name as keyof typeof texts]]),
        ),
      ),
    )
    thread.once('error', reject)
    thread.once('exit', (code) =>
      reject(new Error(`the decoder worker thread exited (${code}) without its scripts`)),
    )
  })
  return scripts
}
