import { randomInt } from 'node:crypto'
import type { Socket } from 'node:net'
import { type Message, MessageReader } from './message-reader.ts'
import {
  authenticationOk,
  backendKeyData,
  CANCEL_REQUEST,
  cstrings,
  errorResponse,
  GSSENC_REQUEST,
  negotiateProtocolVersion,
  noSsl,
  parameterStatus,
  readyForQuery,
  SSL_REQUEST,
} from './messages.ts'
import type { ServerPool } from './pool.ts'
import type { ServerConnection } from './server-connection.ts'

// Client messages that the server answers with a ReadyForQuery: Sync, a simple Query, and the
// legacy FunctionCall. Flush ('H') asks for output but gets no ReadyForQuery.
const ANSWERED_BY_READY = new Set(['S', 'Q', 'F'])

/**
 * One client, in transaction mode: it holds a server connection only from its first message after
 * ReadyForQuery 'I' until every Sync and Query it sent is answered and the last answer says idle.
 * Messages pass through byte for byte both ways.
 */
export class ClientSession {
  private readonly socket: Socket
  private readonly pool: ServerPool
  private readonly parameters: Map<string, string>
  private readonly reader = new MessageReader({ typed: false })
  private server: ServerConnection | undefined
  /** Messages sent while no server connection is held yet, written once one is. */
  private queued: Buffer[] = []
  private cancelWait: (() => void) | undefined
  /** Syncs, Queries and FunctionCalls sent whose ReadyForQuery has not come back. */
  private outstanding = 0
  private closed = false

  constructor(socket: Socket, pool: ServerPool, parameters: Map<string, string>) {
    this.socket = socket
    this.pool = pool
    this.parameters = parameters
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => this.receive(chunk))
    socket.on('error', () => this.close())
    socket.on('close', () => this.close())
    // A slow client slows its server connection down rather than growing our buffers.
    socket.on('drain', () => this.server?.socket.resume())
  }

  private receive(chunk: Buffer): void {
    this.reader.push(chunk)
    try {
      for (let message = this.reader.next(); message && !this.closed; message = this.reader.next()) {
        if (this.reader.typed) this.fromClient(message)
        else this.startup(message)
      }
    } catch (error) {
      this.fatal('08P01', (error as Error).message)
    }
  }

  private startup(message: Message): void {
    const code = message.body.readInt32BE(0)
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.socket.write(noSsl())
      return
    }
    // Note: cancelling is not supported (the key we hand out is fake); the request is dropped.
    if (code === CANCEL_REQUEST) {
      this.close()
      return
    }
    if (code >>> 16 !== 3) {
      this.fatal('08P01', `pg-pooler: unsupported protocol ${code >>> 16}`)
      return
    }
    const options = cstrings(message.body.subarray(4)).filter((_, i) => i % 2 === 0)
    const unsupported = options.filter((name) => name.startsWith('_pq_.'))
    // The client's user, database and settings are not checked: every client gets the pool's.
    this.reader.typed = true
    this.socket.cork()
    if ((code & 0xffff) !== 0 || unsupported.length > 0)
      this.socket.write(negotiateProtocolVersion(unsupported))
    this.socket.write(authenticationOk())
    for (const [name, value] of this.parameters) this.socket.write(parameterStatus(name, value))
    this.socket.write(backendKeyData(randomInt(1, 2 ** 31 - 1), randomInt(0, 2 ** 31 - 1)))
    this.socket.write(readyForQuery('I'))
    this.socket.uncork()
  }

  private fromClient(message: Message): void {
    // Terminate is ours to handle: the server connection outlives this client.
    if (message.type === 'X') {
      this.close()
      return
    }
    if (ANSWERED_BY_READY.has(message.type)) this.outstanding++
    if (this.server) {
      this.server.write(message.bytes)
      return
    }
    this.queued.push(message.bytes)
    if (this.cancelWait) return
    // The pool may answer at once (an idle connection), before acquire returns.
    let answered = false
    const cancel = this.pool.acquire(
      (server) => {
        answered = true
        this.hold(server)
      },
      (error) => {
        answered = true
        this.fatal('08006', error.message)
      },
    )
    if (!answered) this.cancelWait = cancel
  }

  private hold(server: ServerConnection): void {
    this.cancelWait = undefined
    if (this.closed) {
      this.pool.release(server)
      return
    }
    this.server = server
    server.attach({
      onMessage: (message) => this.fromServer(message),
      onClose: (reason) => {
        this.server = undefined
        this.fatal('08006', `pg-pooler: ${reason}`)
      },
    })
    server.write(Buffer.concat(this.queued))
    this.queued = []
  }

  private fromServer(message: Message): void {
    if (!this.socket.write(message.bytes)) this.server?.socket.pause()
    if (message.type !== 'Z') return
    this.outstanding = Math.max(0, this.outstanding - 1)
    const server = this.server
    if (this.outstanding === 0 && server?.status === 'I') {
      this.server = undefined
      server.socket.resume()
      this.pool.release(server)
    }
  }

  /** Tells the client why (when it is still there) and closes it. */
  private fatal(code: string, text: string): void {
    if (this.closed) return
    this.socket.end(errorResponse('FATAL', code, text))
    this.close()
  }

  private close(): void {
    if (this.closed) return
    this.closed = true
    this.cancelWait?.()
    this.cancelWait = undefined
    const server = this.server
    this.server = undefined
    // Mid-transaction or mid-exchange: its state (locks, an open transaction, a half-sent extended
    // query) must not reach the next client, so the connection is closed instead of returned.
    if (server) {
      server.socket.resume()
      this.pool.discard(server)
    }
    this.socket.destroySoon()
  }
}
