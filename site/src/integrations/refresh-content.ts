import type { AstroIntegration } from 'astro'

/** Where the CMS asks the dev server to reload content (cms/README.md "Site rebuilds"). */
export const REFRESH_CONTENT_PATH = '/__refresh-content'

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * Development only: `POST /__refresh-content` re-runs the content loaders, so an editor who publishes
 * in the CMS sees the change in `astro dev` without a restart (the loaders' digests keep unchanged
 * entries as they are). Only loopback callers are served: the dev server is not a public endpoint.
 */
export function refreshContentEndpoint(): AstroIntegration {
  return {
    name: 'kairo:refresh-content',
    hooks: {
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        server.middlewares.use(REFRESH_CONTENT_PATH, (request, response, next) => {
          if (request.method !== 'POST') return next()
          if (!loopback.has(request.socket.remoteAddress ?? '')) {
            response.statusCode = 403
            response.end()
            return
          }
          if (!refreshContent) {
            response.statusCode = 501
            response.end()
            return
          }
          refreshContent({ context: { reason: 'cms-publish' } }).then(
            () => {
              logger.info('content refreshed on request from the CMS')
              response.statusCode = 204
              response.end()
            },
            (error: unknown) => {
              logger.error(
                `content refresh failed: ${error instanceof Error ? error.message : String(error)}`,
              )
              response.statusCode = 500
              response.end()
            },
          )
        })
      },
    },
  }
}
