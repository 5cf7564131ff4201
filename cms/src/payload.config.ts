import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { CaseStudies } from './collections/CaseStudies/index.ts'
import { Users } from './collections/Users/index.ts'
import { readEnv } from './env.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

export default buildConfig({
  serverURL: env.serverUrl,
  secret: env.payloadSecret,
  telemetry: false,
  admin: {
    user: Users.slug,
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
  },
  collections: [Users, CaseStudies],
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: env.databaseUrl },
    // Payload owns this schema only; Drizzle owns `app` in the same database.
    schemaName: 'payload',
    // Never push: a pushed database makes `payload migrate` prompt (and hang without a TTY), and
    // push offers to drop tables it does not know. Schema changes go through src/migrations.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  sharp,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
})
