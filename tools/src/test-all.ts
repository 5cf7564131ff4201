import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testSystem } from './config.ts'
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres, withDatabase } from './database.ts'
import { log, runMain, UserFacingError } from './log.ts'
import { repoRoot } from './paths.ts'
import { startService } from './processes.ts'
import { migrateAll, seconds } from './steps.ts'
import { countPlaywright, countVitest, formatTotals, type SuiteResult } from './test-report.ts'

/** Each package's unit and integration tests, in dependency order, then the end-to-end suite. */
const vitestPackages = ['drizzle', 'api', 'cms', 'site', 'assets-pipeline', 'tools']

/**
 * `./kairo test`: every test of every package against a fresh, migrated database of its own
 * (on DATABASE_URL's server when set, else an embedded one), then the end-to-end tests through
 * Chromium against the running system. Ends with one totals line and a non-zero exit on any failure.
 */
async function main(): Promise<void> {
  const started = performance.now()
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ ...testSystem.postgres, quiet: true })
  const runName = `kairo_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  const databaseUrl = withDatabase(server.url, runName)
  const reports = mkdtempSync(join(tmpdir(), 'kairo-test-'))
  const results: SuiteResult[] = []
  try {
    await createDatabaseIfMissing(server.url, runName)
    log(`test database ${runName}`)
    const env = {
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      CI: process.env.CI ?? 'true',
    }
    await migrateAll({ databaseUrl, payloadSecret: env.PAYLOAD_SECRET })
    for (const pkg of vitestPackages) {
      const output = join(reports, `${pkg}.json`)
      const suiteStarted = performance.now()
      const code = await runSuite(
        pkg,
        ['run', '--silent', 'test', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
        env,
      )
      results.push({ name: pkg, code, time: seconds(suiteStarted), ...countVitest(readJson(output)) })
    }
    const e2eOutput = join(reports, 'e2e.json')
    const e2eStarted = performance.now()
    const code = await runSuite('e2e', ['run', '--silent', 'test:e2e'], {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOutput,
    })
    results.push({ name: 'e2e', code, time: seconds(e2eStarted), ...countPlaywright(readJson(e2eOutput)) })
  } finally {
    await dropDatabase(server.url, runName).catch((error) => log(`could not drop ${runName}: ${error}`))
    await server.stop()
    rmSync(reports, { recursive: true, force: true })
  }
  for (const line of formatTotals(results, seconds(started))) console.log(line)
  if (results.some((result) => result.code !== 0 || result.failed > 0)) {
    throw new UserFacingError('some tests failed (see above)')
  }
}

async function runSuite(pkg: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  log(`── ${pkg} ──`)
  const suite = startService({ name: 'test', command: 'pnpm', args, cwd: join(repoRoot, pkg), env })
  return suite.exited
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

runMain(main)
