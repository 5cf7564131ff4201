/** The asset pipeline's API, as `import('@kairo/assets-pipeline')` gives it. */
export type Pipeline = typeof import('@kairo/assets-pipeline')

let loaded: Promise<Pipeline> | undefined

/**
 * Loads @kairo/assets-pipeline at run time, as Node loads it (TypeScript sources, WASM encoders,
 * worker threads, headless Chromium), on first use.
 *
 * Note: a static import would make Next bundle it into the admin's server build, which breaks on its
 * WASM and CommonJS dependencies; `serverExternalPackages` does not apply to a workspace package
 * (it resolves outside node_modules). The ignore comments keep the bundlers away from this import.
 */
export function pipeline(): Promise<Pipeline> {
  loaded ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '@kairo/assets-pipeline')
  return loaded
}
