#!/usr/bin/env node
import { readdir, stat } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatStats } from './format.ts'
import { inspectDocument } from './inspect.ts'
import { createIO, ModelError, readModel } from './read-model.ts'

const NAME = 'kairo-assets'
const USAGE = `Usage: ${NAME} inspect <file.glb|file.gltf|folder>... [--json]

Validates each model and prints its statistics (a table, or JSON with --json: one object for one
file, an array for several). Folders are searched recursively for .glb and .gltf files.
Exit code: 0 when every model is valid, 1 when any is not, 2 on a usage error.`

// Under `pnpm --filter`, the working directory is this package; pnpm keeps the caller's in INIT_CWD.
const baseDir = process.env.INIT_CWD ?? process.cwd()

async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null)
  if (!info?.isDirectory()) return [path] // files, and missing paths that readModel reports
  const entries = await readdir(path, { recursive: true })
  const models = entries.filter((entry) => ['.glb', '.gltf'].includes(extname(entry).toLowerCase())).sort()
  if (models.length === 0) throw new ModelError(`${path}: no .glb or .gltf files in this folder`)
  return models.map((entry) => join(path, entry))
}

async function inspect(paths: string[], json: boolean): Promise<number> {
  const io = createIO()
  const results: object[] = []
  let failed = 0
  for (const input of paths) {
    let files: string[]
    try {
      files = await expand(resolve(baseDir, input))
    } catch (error) {
      console.error(`${NAME}: ${(error as Error).message}`)
      failed++
      continue
    }
    for (const file of files) {
      try {
        const { doc, fileBytes } = await readModel(file, io)
        const stats = inspectDocument(doc)
        if (json) results.push({ file, fileBytes, ...stats })
        else console.log(`${formatStats(file, fileBytes, stats)}\n`)
      } catch (error) {
        if (!(error instanceof ModelError)) throw error
        console.error(`${NAME}: ${file}: ${error.message}`)
        failed++
      }
    }
  }
  if (json && results.length > 0)
    console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2))
  return failed > 0 ? 1 : 0
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { json: { type: 'boolean' }; help: { type: 'boolean' } }
      allowPositionals: true
    }>
  >
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
    })
  } catch (error) {
    console.error(`${NAME}: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const [command, ...paths] = parsed.positionals
  if (parsed.values.help) {
    console.log(USAGE)
    return 0
  }
  if (command !== 'inspect' || paths.length === 0) {
    console.error(command === 'inspect' ? `${NAME}: give at least one file or folder\n\n${USAGE}` : USAGE)
    return 2
  }
  return inspect(paths, parsed.values.json === true)
}

process.exitCode = await main(process.argv.slice(2))
