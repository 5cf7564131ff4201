import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { UserFacingError } from './log.ts'
import { assertPortsFree, isPortTaken } from './ports.ts'

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
})
