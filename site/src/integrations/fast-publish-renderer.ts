import type { AstroIntegration } from 'astro'

/**
 * The fast publisher's route, `/_kairo/fast-publish` (src/fast-publish/endpoint.ts), added only to the
 * render bundle (astro.render.config.ts), never to the public build or the preview server.
 */
export function fastPublishRenderer(): AstroIntegration {
  return {
    name: 'kairo:fast-publish-renderer',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({
          pattern: '/_kairo/fast-publish',
          entrypoint: new URL('../fast-publish/endpoint.ts', import.meta.url),
          prerender: false,
        })
      },
    },
  }
}
