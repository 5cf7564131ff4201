/**
 * Next calls `register` once when a server process starts (dev and start, not build). The Node-only
 * work lives in its own module so the Edge compilation of this file never sees `process.exit`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateEnvOrExit } = await import('./instrumentation-node.ts')
    validateEnvOrExit()
  }
}
