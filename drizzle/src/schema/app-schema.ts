import { customType, pgSchema } from 'drizzle-orm/pg-core'

/**
 * The Postgres schema Drizzle owns. Payload owns `payload`; nothing here may touch it, and
 * drizzle-kit's `schemaFilter: ['app']` keeps generated migrations inside this schema.
 */
export const app = pgSchema('app')

/**
 * `bytea` as a Uint8Array. Drizzle has no built-in bytea column; session secrets are stored as
 * raw SHA-256 digests (32 bytes), not hex text, so comparisons work on bytes.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js returns a Buffer (a Uint8Array subclass); copy it so callers get a plain Uint8Array.
  fromDriver: (value) => new Uint8Array(value),
})
