import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { ensureBrowser } from './browser.ts'
import { testSystem } from './config.ts'
import { startEmbeddedPostgres, withDatabase } from './database.ts'
import { log, runMain, UserFacingError } from './log.ts'
import { repoRoot } from './paths.ts'
import { startService } from './processes.ts'
import { migrateAll, seconds } from './steps.ts'
import { cloneDatabase, createRunDatabase, dropRunDatabases } from './test-databases.ts'
import { countPlaywright, countVitest, formatTotals, type SuiteResult } from './test-report.ts'

/**
 * The suites, in lanes. The end-to-end lane is the longest (the CMS build, the seed with the demo
 * models' posters, the site builds, then the browser), so it starts first and alone: its set-up renders
 * posters in Chromium with timeouts, which a machine saturated by the other suites would miss. Once its
 * system is up (Playwright's "Running N tests" line), the two Vitest lanes start beside the browser
 * tests, under `nice`: measured on the 2-core machine, each Vitest suite keeps well under both cores
 * busy (api: 175 CPU-s in 218 s; cms: 137 in 181 s), most of it per-file start-up and waiting on
 * PostgreSQL. Each lane has a database of its own, cloned from the run's migrated one.
 */
const e2eLane = { name: 'e2e', suites: ['e2e'] }
const vitestLanes: { name: string; suites: string[] }[] = [
  { name: 'a', suites: ['api', 'drizzle', 'tools'] },
  { name: 'b', suites: ['cms', 'site', 'assets-pipeline'] },
]
const E2E_SYSTEM_UP = /Running \d+ tests? using/

/** The order of the closing table: dependency order, then the end-to-end suite. */
const reportOrder = ['drizzle', 'api', 'cms', 'site', 'assets-pipeline', 'tools', 'e2e']

/**
 * `./kairo test`: every test of every package against fresh, migrated databases of its own (on
 * DATABASE_URL's server when set, else an embedded one), and the end-to-end tests through Chromium
 * against the running system. Ends with one table, one totals line and a non-zero exit on any failure.
 */
async function main(): Promise<void> {
  const started = performance.now()
  // Posters, the browser tests and the pipeline's tests share one Chromium (unpacked once if needed).
  await ensureBrowser()
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ ...testSystem.postgres, quiet: true })
  const runName = `kairo_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  const reports = mkdtempSync(join(tmpdir(), 'kairo-test-'))
  const results: SuiteResult[] = []
  const created: string[] = []
  try {
    const template = await createRunDatabase(server.url, runName)
    created.push(runName)
    log(`test databases ${runName}_*`)
    const payloadSecret = randomBytes(32).toString('hex')
    await migrateAll({ databaseUrl: template, payloadSecret, quiet: true })
    const runLane = async (lane: { name: string; suites: string[] }, onLine?: (line: string) => void) => {
      const database = `${runName}_${lane.name}`
      await cloneDatabase(server.url, runName, database)
      created.push(database)
      const env = {
        DATABASE_URL: withDatabase(server.url, database),
        PAYLOAD_SECRET: payloadSecret,
        CI: 'true',
      }
      for (const pkg of lane.suites) results.push(await runSuite(pkg, env, reports, onLine))
    }
    let systemUp: () => void = () => {}
    const e2eSystemUp = new Promise<void>((resolve) => {
      systemUp = resolve
    })
    const e2e = runLane(
      e2eLane,
      (line) => E2E_SYSTEM_UP.test(stripVTControlCharacters(line)) && systemUp(),
    ).finally(systemUp)
    await e2eSystemUp
    await Promise.all([e2e, ...vitestLanes.map((lane) => runLane(lane))])
  } finally {
    await dropRunDatabases(server.url, created).catch((error) => log(`could not drop ${runName}_*: ${error}`))
    await server.stop()
    rmSync(reports, { recursive: true, force: true })
  }
  results.sort((a, b) => reportOrder.indexOf(a.name) - reportOrder.indexOf(b.name))
  for (const line of formatTotals(results, seconds(started))) console.log(line)
  if (results.some((result) => result.code !== 0 || result.failed > 0)) {
    throw new UserFacingError('some tests failed (see above)')
  }
}

/** Runs one package's suite (its lines prefixed with the package's name) and reads its counts. */
async function runSuite(
  pkg: string,
  env: NodeJS.ProcessEnv,
  reports: string,
  onLine?: (line: string) => void,
): Promise<SuiteResult> {
  const output = join(reports, `${pkg}.json`)
  const e2e = pkg === 'e2e'
  const args = e2e
    ? ['run', '--silent', 'test:e2e']
    : ['run', '--silent', 'test', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]
  const suiteStarted = performance.now()
  log(`── ${pkg} started ──`)
  // The end-to-end lane is the run's longest path: the Vitest lanes yield the cores to it (`nice`).
  const suite = startService({
    name: pkg.slice(0, 5),
    command: e2e ? 'pnpm' : 'nice',
    args: e2e ? args : ['-n', '10', 'pnpm', ...args],
    cwd: join(repoRoot, pkg),
    env: e2e ? { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: output } : env,
    onLine,
    endsByItself: true,
  })
  const code = await suite.exited
  const time = seconds(suiteStarted)
  log(`── ${pkg} done in ${time} (exit ${code}) ──`)
  const report = readJson(output)
  return { name: pkg, code, time, ...(e2e ? countPlaywright(report) : countVitest(report)) }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

runMain(main)
