import type { Bindings } from '../src/env.ts'

// The bindings the tests see: the Worker's, plus the dead-port Hyperdrive from vitest.config.ts.
declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      HYPERDRIVE_DOWN: Hyperdrive
    }
  }
}
