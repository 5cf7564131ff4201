import { inject } from 'vitest'

// The Worker's bindings with its Hyperdrive pointing at a local transaction-mode pooler
// (tools/src/pg-pooler, started by test/support/pg-pooler-setup.ts), for the tests that fire hundreds
// of requests at once. Without it each request in workerd opens its own Postgres connection (local
// Hyperdrive does not pool), so a burst of 200 held most of the server's `max_connections` for a
// second or two, and a suite running beside it (the CMS's, the browser tests' Worker) was refused
// ("sorry, too many clients already") in CI. In production Hyperdrive pools the same way.

/** `bindings` with `HYPERDRIVE` reaching Postgres through the pooler. */
export function pooled<T extends object>(bindings: T): T {
  const hyperdrive = { connectionString: inject('pooledDatabaseUrl') } as unknown as Hyperdrive
  return { ...bindings, HYPERDRIVE: hyperdrive }
}
