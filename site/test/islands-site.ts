import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFixtureServer } from './fixture-server.ts'
import { buildTestModels } from './models-fixture.ts'

const siteRoot = fileURLToPath(new URL('..', import.meta.url))

/**
 * Builds the site against the fixture CMS with the test models (test/models-fixture.ts) into
 * `outDir`: `planet` on the service `websites` (and so in the home page's orbit), `capsule` on the
 * case study `orbital-labs`; the other pages have no model. For the browser tests of the islands
 * (e2e/tests/islands.spec.ts), which need models whatever the seeded CMS holds.
 */
export async function buildIslandsFixtureSite(outDir: string, workDir: string): Promise<void> {
  const cms = await startFixtureServer()
  try {
    const models = await buildTestModels(
      join(workDir, 'models'),
      join(siteRoot, 'node_modules', '.cache', 'kairo-test-models'),
    )
    cms.modelFiles = models.filesDir
    cms.collections.models = models.docs(cms.url)
    const websites = cms.collections.services?.find((doc) => doc.slug === 'websites')
    if (websites) websites.model = 101
    const orbital = cms.docs.find((doc) => doc.slug === 'orbital-labs')
    if (orbital) orbital.model = 102
    let log = ''
    const env = {
      ...process.env,
      CMS_URL: cms.url,
      KAIRO_TEST_CACHE_DIR: join(workDir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    }
    const astro = join(siteRoot, 'node_modules', '.bin', 'astro')
    const args = ['build', '--config', 'test/build.config.ts', '--outDir', outDir]
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(astro, args, { cwd: siteRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
      child.stdout.on('data', (chunk) => (log += chunk))
      child.stderr.on('data', (chunk) => (log += chunk))
      child.on('close', resolve)
    })
    if (code !== 0) throw new Error(`astro build exited ${code}:\n${log}`)
  } finally {
    await cms.close()
  }
}
