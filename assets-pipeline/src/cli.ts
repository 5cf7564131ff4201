#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { runBuild } from './commands/build.ts'
import { runDeliverableWorker } from './commands/deliverable-worker.ts'
import { runInspect } from './commands/inspect.ts'
import { cliOptions as options, UsageError } from './commands/options.ts'

const NAME = 'kairo-assets'
const USAGE = `Usage:
  ${NAME} build <files|folders>... --out <dir> [options]
  ${NAME} inspect <file.glb|file.gltf|folder>... [--json]
  ${NAME} deliverable-worker

build: validates each model (untrusted input), then writes per model an LOD chain (Draco or
meshopt geometry, KTX2 textures), a poster (AVIF + WebP) and a manifest into <dir>/models/<name>/,
and <dir>/report.html. Unchanged models are restored from the cache.
  --out <dir>             output folder (required)
  --cache <dir>           cache folder (default <out>/.cache)
  --upload                upload to R2 / S3 afterwards (R2_* variables, see .env.example)
  --base-url <url>        prefix of URLs in manifests (default /)
  --lod-ratios <list>     triangle ratio per level, e.g. 1,0.5,0.2
  --texture-sizes <list>  longest texture side per level, e.g. 1024,512,128
  --no-poster             skip poster rendering
  --quiet                 no progress display
  --json                  print the results as JSON on stdout

Folders are searched recursively for .glb and .gltf files. Exit code: 0 when every model was built,
1 when any was rejected or failed (each named on stderr with the reason), 2 on a usage error.

deliverable-worker: processes the dashboard's 3D deliverables, one at a time, claimed from the API
Worker at PIPELINE_API_URL with the bearer token PIPELINE_TOKEN, until SIGTERM or Ctrl-C.`

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true })
  } catch (error) {
    console.error(`${NAME}: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const [command, ...paths] = parsed.positionals
  if (parsed.values.help) {
    console.log(USAGE)
    return 0
  }
  // Under `pnpm --filter`, the working directory is this package; pnpm keeps the caller's in INIT_CWD.
  const baseDir = process.env.INIT_CWD ?? process.cwd()
  try {
    if (command === 'inspect' && paths.length > 0)
      return await runInspect(paths, parsed.values.json === true, baseDir)
    if (command === 'build' && paths.length > 0) return await runBuild(paths, parsed.values, baseDir)
    if (command === 'deliverable-worker' && paths.length === 0) return await runDeliverableWorker()
    if ((command === 'inspect' || command === 'build') && paths.length === 0) {
      throw new UsageError('give at least one file or folder')
    }
    console.error(USAGE)
    return 2
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${NAME}: ${error.message}\n\n${USAGE}`)
      return 2
    }
    throw error
  }
}

process.exitCode = await main(process.argv.slice(2))
