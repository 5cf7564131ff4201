import { Worker } from 'node:worker_threads'

interface Job<Out> {
  message: unknown
  transfer: ArrayBuffer[]
  resolve: (value: Out) => void
  reject: (error: Error) => void
}

/**
 * A fixed set of worker threads running one script; jobs queue until a worker is free. Workers
 * start on first use and are ended by `close()`. A worker that crashes fails its job and is replaced.
 */
export class WorkerPool<In, Out> {
  readonly #script: URL
  readonly #size: number
  readonly #idle: Worker[] = []
  readonly #all = new Set<Worker>()
  readonly #queue: Job<Out>[] = []

  constructor(script: URL, size: number) {
    this.#script = script
    this.#size = Math.max(1, size)
  }

  run(message: In, transfer: ArrayBuffer[] = []): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ message, transfer, resolve, reject })
      this.#next()
    })
  }

  #next(): void {
    if (this.#queue.length === 0) return
    let worker = this.#idle.pop()
    if (!worker && this.#all.size < this.#size) {
      worker = new Worker(this.#script)
      worker.unref()
      this.#all.add(worker)
    }
    if (!worker) return
    const job = this.#queue.shift()
    if (!job) return
    const current = worker
    const done = () => {
      current.off('message', onMessage)
      current.off('error', onError)
    }
    const onMessage = (reply: { ok: true; value: Out } | { ok: false; error: string }) => {
      done()
      this.#idle.push(current)
      if (reply.ok) job.resolve(reply.value)
      else job.reject(new Error(reply.error))
      this.#next()
    }
    const onError = (error: Error) => {
      done()
      this.#all.delete(current)
      void current.terminate()
      job.reject(error)
      this.#next()
    }
    current.on('message', onMessage)
    current.on('error', onError)
    current.postMessage(job.message, job.transfer)
  }

  async close(): Promise<void> {
    const workers = [...this.#all]
    this.#all.clear()
    this.#idle.length = 0
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
