import { createConnection, createServer } from 'node:net'
import { UserFacingError } from './log.ts'

/** True when something already accepts connections on 127.0.0.1:port or we cannot bind it. */
export async function isPortTaken(port: number): Promise<boolean> {
  const accepts = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
  if (accepts) return true
  return new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(true))
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(false)))
  })
}

/** Fails with one message naming every taken port and the service that wanted it. */
export async function assertPortsFree(wanted: Record<string, number>): Promise<void> {
  const taken: string[] = []
  for (const [service, port] of Object.entries(wanted)) {
    if (await isPortTaken(port)) taken.push(`${port} (${service})`)
  }
  if (taken.length > 0) {
    throw new UserFacingError(
      `port ${taken.join(', ')} already in use. Stop whatever listens there (\`ss -ltnp | grep <port>\`) and try again.`,
    )
  }
}

/**
 * Waits while any of the ports is taken (another run of the same system, say a second `./kairo test`
 * on the machine), telling `onWait` once which; past `timeoutMs` fails as {@link assertPortsFree} does.
 */
export async function waitForPortsFree(
  wanted: Record<string, number>,
  {
    timeoutMs,
    onWait,
    pollMs = 5_000,
  }: { timeoutMs: number; onWait?: (taken: string) => void; pollMs?: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let told = false
  for (;;) {
    const taken: string[] = []
    for (const [service, port] of Object.entries(wanted)) {
      if (await isPortTaken(port)) taken.push(`${port} (${service})`)
    }
    if (taken.length === 0) return
    if (Date.now() >= deadline) await assertPortsFree(wanted)
    if (!told) onWait?.(taken.join(', '))
    told = true
    await new Promise((r) => setTimeout(r, pollMs))
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await isPortTaken(port)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new UserFacingError(`nothing listened on port ${port} after ${Math.round(timeoutMs / 1000)} s`)
}
