import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { syncDir } from './sync-dir.ts'

/**
 * `pnpm run build`: `astro build` into a staging folder, then `dist/` brought up to date from it
 * file by file. Astro empties its output folder before it writes, so building into `dist/` directly
 * left the served site empty (or half-written) for the length of a build, and broken after a failed
 * one; `wrangler dev` watching it could end up serving 404s. Now a failed build changes nothing and
 * a good one replaces only the files that differ. Extra arguments go to `astro build`.
 */
const siteDir = fileURLToPath(new URL('..', import.meta.url))
const staging = fileURLToPath(new URL('../.dist-staging/', import.meta.url))
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url))

await rm(staging, { recursive: true, force: true })
const code = await new Promise<number | null>((resolve, reject) => {
  const child = spawn(process.execPath, [astro, 'build', '--outDir', staging, ...process.argv.slice(2)], {
    cwd: siteDir,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  })
  child.on('error', reject)
  child.on('close', resolve)
})
if (code !== 0) {
  await rm(staging, { recursive: true, force: true })
  console.error(`astro build failed (exit ${code}); dist/ was left as it was`)
  process.exit(code ?? 1)
}
const started = performance.now()
const result = await syncDir(staging, dist)
await rm(staging, { recursive: true, force: true })
console.log(
  `dist/ updated in ${Math.round(performance.now() - started)} ms: ${result.written} written, ` +
    `${result.unchanged} unchanged, ${result.removed} removed`,
)
