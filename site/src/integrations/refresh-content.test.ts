import { describe, expect, it, vi } from 'vitest'
import { REFRESH_CONTENT_PATH, refreshContentEndpoint } from './refresh-content.ts'

type Middleware = (
  request: unknown,
  response: { statusCode: number; end: () => void },
  next: () => void,
) => void

/** Runs the integration's server hook against a stand-in dev server and returns its middleware. */
function mount(refreshContent?: () => Promise<void>) {
  let mounted: { path: string; handler: Middleware } | undefined
  const server = {
    middlewares: { use: (path: string, handler: Middleware) => (mounted = { path, handler }) },
  }
  const logger = { info: vi.fn(), error: vi.fn() }
  const hook = refreshContentEndpoint().hooks['astro:server:setup'] as unknown as (options: object) => void
  hook({ server, logger, refreshContent })
  if (!mounted) throw new Error('no middleware mounted')
  return { ...mounted, logger }
}

function call(handler: Middleware, method: string, remoteAddress: string) {
  return new Promise<{ status: number; next: boolean }>((resolve) => {
    const response = { statusCode: 200, end: () => resolve({ status: response.statusCode, next: false }) }
    handler({ method, socket: { remoteAddress } }, response, () => resolve({ status: 0, next: true }))
  })
}

describe('refresh-content endpoint', () => {
  it('re-runs the loaders on a POST from loopback', async () => {
    const refreshContent = vi.fn(async () => {})
    const { path, handler } = mount(refreshContent)
    expect(path).toBe(REFRESH_CONTENT_PATH)
    expect(await call(handler, 'POST', '127.0.0.1')).toEqual({ status: 204, next: false })
    expect(refreshContent).toHaveBeenCalledOnce()
  })

  it('refuses callers from other hosts and leaves other methods to the dev server', async () => {
    const refreshContent = vi.fn(async () => {})
    const { handler } = mount(refreshContent)
    expect(await call(handler, 'POST', '192.0.2.7')).toEqual({ status: 403, next: false })
    expect(await call(handler, 'GET', '127.0.0.1')).toEqual({ status: 0, next: true })
    expect(refreshContent).not.toHaveBeenCalled()
  })

  it('answers 500 and logs when the refresh fails', async () => {
    const { handler, logger } = mount(async () => {
      throw new Error('CMS unreachable')
    })
    expect(await call(handler, 'POST', '::1')).toEqual({ status: 500, next: false })
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('CMS unreachable'))
  })
})
