import { connectServer, type ServerConnection, type ServerTarget } from './server-connection.ts'

/** A client waiting for a server connection. */
interface Waiter {
  give: (connection: ServerConnection) => void
  fail: (error: Error) => void
}

/**
 * Up to `size` server connections, lent to one client at a time. Clients wait first come, first
 * served; the most recently returned connection is lent first, since its backend is the warmest.
 * A connection that closes, or that a client leaves mid-transaction, is dropped, and a new one opens
 * when a client next needs it.
 */
export class ServerPool {
  private readonly target: ServerTarget
  private readonly size: number
  private readonly idle: ServerConnection[] = []
  private readonly waiters: Waiter[] = []
  private readonly all = new Set<ServerConnection>()
  private opening = 0
  private stopped = false

  constructor(target: ServerTarget, size: number) {
    this.target = target
    this.size = size
  }

  /** Opens one connection now and pools it: start-up fails early, and its parameters are known. */
  async openFirst(): Promise<ServerConnection> {
    this.opening++
    try {
      const connection = await connectServer(this.target)
      this.adopt(connection)
      return connection
    } finally {
      this.opening--
    }
  }

  /** Asks for a connection; `give` or `fail` is called once. Returns a cancel for a client that leaves. */
  acquire(give: Waiter['give'], fail: Waiter['fail']): () => void {
    const waiter: Waiter = { give, fail }
    this.waiters.push(waiter)
    this.dispatch()
    return () => {
      const index = this.waiters.indexOf(waiter)
      if (index >= 0) this.waiters.splice(index, 1)
    }
  }

  /** Takes back a connection whose last ReadyForQuery said idle, with nothing outstanding. */
  release(connection: ServerConnection): void {
    connection.detach()
    if (connection.closed) return
    if (this.stopped || connection.status !== 'I') {
      this.discard(connection)
      return
    }
    this.idle.push(connection)
    this.dispatch()
  }

  /** Closes a connection that must not be reused (its client left mid-transaction). */
  discard(connection: ServerConnection): void {
    connection.detach()
    connection.close()
    this.forget(connection)
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const waiter of this.waiters.splice(0)) waiter.fail(new Error('pg-pooler: stopping'))
    const closing = [...this.all].map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.closed) return resolve()
          connection.onClose(() => resolve())
          connection.close()
        }),
    )
    await Promise.all(closing)
  }

  private adopt(connection: ServerConnection): void {
    this.all.add(connection)
    connection.onClose(() => this.forget(connection))
    this.idle.push(connection)
  }

  private forget(connection: ServerConnection): void {
    if (!this.all.delete(connection)) return
    const index = this.idle.indexOf(connection)
    if (index >= 0) this.idle.splice(index, 1)
    this.dispatch()
  }

  private dispatch(): void {
    if (this.stopped) return
    while (this.waiters.length > 0 && this.idle.length > 0) {
      const connection = this.idle.pop() as ServerConnection
      const waiter = this.waiters.shift() as Waiter
      waiter.give(connection)
    }
    while (this.waiters.length > this.opening && this.all.size + this.opening < this.size) this.open()
  }

  private open(): void {
    this.opening++
    connectServer(this.target).then(
      (connection) => {
        this.opening--
        if (this.stopped) return connection.close()
        this.adopt(connection)
        this.dispatch()
      },
      (error: Error) => {
        this.opening--
        // The first in line hears why (an unreachable server must not leave clients waiting forever).
        this.waiters.shift()?.fail(error)
        this.dispatch()
      },
    )
  }
}
