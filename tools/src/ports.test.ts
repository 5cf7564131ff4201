import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { UserFacingError } from './log.ts'
import { assertPortsFree, isPortTaken, waitForPortsFree } from './ports.ts'

describe('ports', () => {
  let server: Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  const listen = () =>
    new Promise<number>((resolve) => {
      server = createServer().listen(0, '127.0.0.1', () => {
        const address = server?.address()
        resolve(typeof address === 'object' && address ? address.port : 0)
      })
    })

  it('names the taken port and the service that wanted it', async () => {
    const port = await listen()
    expect(await isPortTaken(port)).toBe(true)
    const error = await assertPortsFree({ cms: port }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as Error).message).toContain(`port ${port} (cms) already in use`)
  })

  it('passes when the ports are free', async () => {
    const port = await listen()
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    server = undefined
    await expect(assertPortsFree({ site: port })).resolves.toBeUndefined()
  })

  it('waits for a taken port to be freed, saying once what it waits for', async () => {
    const port = await listen()
    const waits: string[] = []
    setTimeout(() => {
      server?.close()
      server = undefined
    }, 500)
    await waitForPortsFree({ api: port }, { timeoutMs: 10_000, pollMs: 100, onWait: (t) => waits.push(t) })
    expect(waits).toEqual([`${port} (api)`])
    expect(await isPortTaken(port)).toBe(false)
  })

  it('gives up after its time with the one-line message', async () => {
    const port = await listen()
    const error = await waitForPortsFree({ inbox: port }, { timeoutMs: 300, pollMs: 100 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as Error).message).toContain(`port ${port} (inbox) already in use`)
  })
})
