import { Buffer } from 'node:buffer'
import { EventEmitter } from 'node:events'

// A TCP socket for postgres.js inside workerd, passed through postgres.js's `socket` option.
//
// Why not postgres.js's own Workers polyfill: when a client ends, the polyfill closes the socket,
// emits 'close' (postgres.js then removes every listener), and only afterwards its pending read
// fails with "This socket has been closed"; it re-emits that as an 'error' event with no listener,
// which throws inside an async function: an unhandled rejection on every `sql.end()` (it fails
// Vitest runs and pollutes production logs). This socket reports errors only while someone
// listens and treats a read that fails after close() as the normal end of the stream.

interface WorkerdSocket {
  readable: ReadableStream<Uint8Array>
  writable: WritableStream<Uint8Array>
  opened: Promise<unknown>
  closed: Promise<void>
  close(): Promise<void>
}

type Connect = (address: { hostname: string; port: number }) => WorkerdSocket

/** The subset of postgres.js's parsed options the factory reads. */
export interface SocketFactoryOptions {
  host: string[]
  port: number[]
}

/** True inside workerd (Cloudflare Workers, `wrangler dev`, the Vitest integration). */
export function isWorkerd(): boolean {
  return typeof navigator !== 'undefined' && navigator.userAgent === 'Cloudflare-Workers'
}

/**
 * Opens a connection with `cloudflare:sockets` and wraps it in the small Node-socket surface
 * postgres.js uses (`write`, `end`, `destroy`, `readyState`, 'data' / 'error' / 'close' events).
 * Plain TCP only: Hyperdrive (and a local dev server) terminates TLS, so no STARTTLS here.
 */
export async function openWorkerdSocket(options: SocketFactoryOptions): Promise<EventEmitter> {
  // A runtime-only module: a computed specifier keeps Node's type checker and bundlers out of it.
  const specifier = 'cloudflare:sockets'
  const { connect } = (await import(/* @vite-ignore */ specifier)) as { connect: Connect }
  const raw = connect({ hostname: options.host[0] ?? 'localhost', port: options.port[0] ?? 5432 })
  const writer = raw.writable.getWriter()
  const reader = raw.readable.getReader()
  let closing = false

  const socket = Object.assign(new EventEmitter(), {
    readyState: 'open' as 'open' | 'closed',
    write(data: Uint8Array, callback?: () => void) {
      writer.write(data).then(callback, fail)
      return true
    },
    end(data?: Uint8Array) {
      if (data) writer.write(data).then(shutdown, shutdown)
      else shutdown()
    },
    destroy() {
      shutdown()
    },
  })

  function fail(error: unknown) {
    if (!closing && socket.listenerCount('error') > 0) socket.emit('error', error)
    finish()
  }

  function finish() {
    if (socket.readyState === 'closed') return
    socket.readyState = 'closed'
    socket.emit('close')
  }

  function shutdown() {
    closing = true
    raw.close().then(finish, finish)
  }

  raw.opened.catch(fail)
  ;(async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        socket.emit('data', Buffer.from(value))
      }
      finish()
    } catch (error) {
      fail(error)
    }
  })()

  return socket
}
