import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { repoRoot } from '@kairo/tools'

/**
 * Writes `dir/wrangler.toml`: the root wrangler.toml with its Worker entry made absolute and its
 * static assets served from `assets`, for a benchmark's own Worker under `wrangler dev`. With
 * `withoutRateLimits`, the `[[ratelimits]]` bindings are left out (every request of a benchmark
 * comes from one address). Returns the file's path.
 */
export async function benchWorkerConfig(
  dir: string,
  assets: string,
  options: { withoutRateLimits?: boolean } = {},
): Promise<string> {
  let config = (await readFile(join(repoRoot, 'wrangler.toml'), 'utf8'))
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(repoRoot, 'api', 'src', 'index.ts'))}`)
    .replace(/^directory = .*$/m, `directory = ${JSON.stringify(assets)}`)
  if (options.withoutRateLimits) config = config.replace(/\[\[ratelimits\]\][^[]*/, '')
  const path = join(dir, 'wrangler.toml')
  await writeFile(path, config)
  return path
}
