import { createHash } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { type Message, MessageReader } from './message-reader.ts'
import {
  cstrings,
  errorFields,
  passwordMessage,
  saslInitialResponse,
  saslResponse,
  startupMessage,
} from './messages.ts'
import { scramClientFinal, scramClientFirst, scramServerFinalValid } from './scram.ts'

/** Where and as whom the pooler connects: the parts of the database URL it uses. */
export interface ServerTarget {
  host: string
  port: number
  user: string
  password: string
  database: string
  applicationName: string
}

/**
 * The target of a `postgres://` URL. Note: only host, port, user, password and database are read;
 * query parameters (`sslmode`, a `host=` socket folder) are not, and the connection is plain TCP,
 * as it is to a Postgres on this machine.
 */
export function serverTarget(databaseUrl: string, applicationName: string): ServerTarget {
  const url = new URL(databaseUrl)
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new Error('pg-pooler: the database URL must start with postgres://')
  const user = decodeURIComponent(url.username) || 'postgres'
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: Number(url.port || 5432),
    user,
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || user,
    applicationName,
  }
}

/** What a server connection forwards to: the client that holds it, or nothing while it is pooled. */
export interface ServerHandler {
  onMessage: (message: Message) => void
  onClose: (reason: string) => void
}

/** One authenticated connection to PostgreSQL, ready for queries, that clients take turns holding. */
export class ServerConnection {
  readonly socket: Socket
  /** The ParameterStatus values the server announced at start-up. */
  readonly parameters: Map<string, string>
  closed = false
  /** Status byte of the last ReadyForQuery ('I' idle, 'T' in a transaction, 'E' in a failed one). */
  status = 'I'
  private handler: ServerHandler | undefined
  private closeListeners: Array<(reason: string) => void> = []

  constructor(socket: Socket, reader: MessageReader, parameters: Map<string, string>) {
    this.socket = socket
    this.parameters = parameters
    const closeWith = (reason: string) => {
      if (this.closed) return
      this.closed = true
      socket.destroy()
      this.handler?.onClose(reason)
      for (const listener of this.closeListeners) listener(reason)
    }
    socket.on('data', (chunk: Buffer) => {
      reader.push(chunk)
      for (let message = reader.next(); message; message = reader.next()) {
        if (message.type === 'Z') this.status = String.fromCharCode(message.body[0] as number)
        // Pooled, it may still say something: a notice, a parameter change, a FATAL before closing.
        this.handler?.onMessage(message)
      }
    })
    socket.on('error', (error) => closeWith(`the server connection failed: ${error.message}`))
    socket.on('close', () => closeWith('the server closed the connection'))
  }

  attach(handler: ServerHandler): void {
    this.handler = handler
  }

  detach(): void {
    this.handler = undefined
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener)
  }

  write(bytes: Buffer): boolean {
    return this.socket.write(bytes)
  }

  /** Ends the backend politely (Terminate) and closes the socket. */
  close(): void {
    if (this.closed) return
    this.socket.end(Buffer.from([0x58, 0, 0, 0, 4]))
    this.socket.destroySoon()
  }
}

const md5 = (text: string | Buffer) => createHash('md5').update(text).digest('hex')

/**
 * Opens and authenticates a connection: trust, cleartext, MD5 or SCRAM-SHA-256. Rejects with the
 * server's own message (which never contains the password) on any failure, or after `timeoutMs`.
 */
export function connectServer(target: ServerTarget, timeoutMs = 10_000): Promise<ServerConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port })
    socket.setNoDelay(true)
    const reader = new MessageReader({ typed: true })
    const parameters = new Map<string, string>()
    let scram: ReturnType<typeof scramClientFirst> | undefined
    let scramFinal: Exclude<ReturnType<typeof scramClientFinal>, Error> | undefined
    const where = `${target.host}:${target.port}/${target.database}`
    const fail = (reason: string) => {
      socket.removeAllListeners('data')
      socket.destroy()
      clearTimeout(timer)
      reject(new Error(`pg-pooler: cannot connect to ${where}: ${reason}`))
    }
    const timer = setTimeout(() => fail(`no answer in ${timeoutMs} ms`), timeoutMs)
    socket.on('error', (error) => fail(error.message))
    socket.on('close', () => fail('the server closed the connection during start-up'))
    socket.on('connect', () => {
      socket.write(
        startupMessage({
          user: target.user,
          database: target.database,
          application_name: target.applicationName,
          client_encoding: 'UTF8',
        }),
      )
    })

    const authenticate = (body: Buffer): string | undefined => {
      const code = body.readInt32BE(0)
      if (code === 0) return undefined
      if (code === 3) socket.write(passwordMessage(target.password))
      else if (code === 5) {
        const salt = body.subarray(4, 8)
        const inner = md5(target.password + target.user)
        socket.write(passwordMessage(`md5${md5(Buffer.concat([Buffer.from(inner), salt]))}`))
      } else if (code === 10) {
        if (!cstrings(body.subarray(4)).includes('SCRAM-SHA-256'))
          return 'the server offers no SASL mechanism the pooler speaks (SCRAM-SHA-256)'
        scram = scramClientFirst()
        socket.write(saslInitialResponse('SCRAM-SHA-256', scram.message))
      } else if (code === 11) {
        if (!scram) return 'SASLContinue before SASL started'
        const final = scramClientFinal(scram, body.toString('utf8', 4), target.password)
        if (final instanceof Error) return final.message
        scramFinal = final
        socket.write(saslResponse(final.message))
      } else if (code === 12) {
        if (!scramFinal || !scramServerFinalValid(scramFinal, body.toString('utf8', 4)))
          return "the server's SCRAM signature is wrong"
      } else return `unsupported authentication method (code ${code})`
      return undefined
    }

    socket.on('data', (chunk: Buffer) => {
      reader.push(chunk)
      for (let message = reader.next(); message; message = reader.next()) {
        if (message.type === 'R') {
          const problem = authenticate(message.body)
          if (problem) return fail(problem)
        } else if (message.type === 'E') {
          const fields = errorFields(message.body)
          return fail(`${fields.M ?? 'error'} (${fields.C ?? '?'})`)
        } else if (message.type === 'S') {
          const [name, value] = cstrings(message.body)
          if (name !== undefined) parameters.set(name, value ?? '')
        } else if (message.type === 'Z') {
          clearTimeout(timer)
          socket.removeAllListeners()
          const connection = new ServerConnection(socket, reader, parameters)
          resolve(connection)
          return
        }
        // BackendKeyData ('K') and notices ('N') need nothing here.
      }
    })
  })
}
