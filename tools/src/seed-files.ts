import { join } from 'node:path'
import { demoDeliverableFiles } from '@kairo/db/seed'
import { getPlatformProxy } from 'wrangler'
import { repoRoot } from './paths.ts'
import { withPassword } from './services.ts'

/**
 * Puts the demo projects' deliverable files into the Worker's local R2 bucket (the state
 * `wrangler dev --persist-to <persistTo>` reads), so the dashboard's downloads work in the demo.
 * Files already there are left alone; a second start writes nothing. Runs through wrangler's
 * platform proxy: the same simulated binding the Worker uses, no network.
 */
export async function seedDeliverableFiles(options: {
  persistTo: string
  databaseUrl: string
}): Promise<number> {
  // The proxy builds every binding of wrangler.toml; Hyperdrive needs its local connection string.
  process.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE ??= withPassword(options.databaseUrl)
  const proxy = await getPlatformProxy<{ BUCKET: R2BucketLike }>({
    configPath: join(repoRoot, 'wrangler.toml'),
    // `wrangler dev --persist-to X` keeps its state under X/v3.
    persist: { path: join(options.persistTo, 'v3') },
    envFiles: [],
  })
  try {
    let written = 0
    for (const file of demoDeliverableFiles()) {
      if (await proxy.env.BUCKET.head(file.key)) continue
      await proxy.env.BUCKET.put(file.key, file.body, { httpMetadata: { contentType: file.contentType } })
      written++
    }
    return written
  } finally {
    await proxy.dispose()
  }
}

/** The part of the R2 binding used here (the Workers types are not this package's). */
interface R2BucketLike {
  head(key: string): Promise<unknown>
  put(
    key: string,
    body: string | Uint8Array,
    options: { httpMetadata: { contentType: string } },
  ): Promise<unknown>
}
