import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type FixtureServer, startFixtureServer } from './fixture-server.ts'

const siteRoot = fileURLToPath(new URL('..', import.meta.url))

/** A script's exit code and its output (stdout and stderr together). */
export interface ScriptRun {
  code: number | null
  output: string
}

/**
 * The fixture CMS and a temporary site (staging folder, `dist`, Astro's cache, the render bundle) for
 * tests that run the site's scripts as the CMS's rebuilder does. Inside the site package, as the
 * real folders are: Astro stages its prerendered chunks there, and the render bundle's imports
 * resolve from there.
 */
export interface SiteFolders {
  cms: FixtureServer
  tmp: string
  dist: string
  /** Runs `scripts/<name>.ts` (with `args`) against the fixture CMS and these folders. */
  run(script: string, args?: string[]): Promise<ScriptRun>
  /** Runs the build script (`scripts/build.ts` with the test config); fails on a non-zero exit. */
  build(): Promise<string>
  close(): Promise<void>
}

export async function startSiteFolders(name: string): Promise<SiteFolders> {
  const cms = await startFixtureServer()
  const tmp = await mkdtemp(join(siteRoot, 'node_modules', `.kairo-site-${name}-`))
  const dist = join(tmp, 'dist')
  const run = (script: string, args: string[] = []) => {
    const env = {
      ...process.env,
      CMS_URL: cms.url,
      // test/build.config.ts moves Astro's cache by the first; the fast publisher reads the second.
      KAIRO_TEST_CACHE_DIR: join(tmp, 'cache'),
      SITE_BUILD_CACHE_DIR: join(tmp, 'cache'),
      SITE_BUILD_STAGING: join(tmp, 'staging'),
      SITE_BUILD_DIST: dist,
      SITE_RENDER_BUNDLE_DIR: join(tmp, 'render'),
    }
    let output = ''
    return new Promise<ScriptRun>((resolve) => {
      const child = spawn(process.execPath, [`scripts/${script}.ts`, ...args], {
        cwd: siteRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('close', (code) => resolve({ code, output }))
    })
  }
  return {
    cms,
    tmp,
    dist,
    run,
    async build() {
      const { code, output } = await run('build', ['--config', 'test/build.config.ts'])
      if (code !== 0) throw new Error(`the site build exited ${code}:\n${output}`)
      return output
    },
    async close() {
      await cms.close()
      await rm(tmp, { recursive: true, force: true })
    },
  }
}
