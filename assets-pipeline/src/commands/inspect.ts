import { formatStats } from '../format.ts'
import { expandInputs } from '../inputs.ts'
import { inspectDocument } from '../inspect.ts'
import { createIO, ModelError, readModel } from '../read-model.ts'

const NAME = 'kairo-assets'

/** `inspect`: validates each model and prints its statistics (a table, or JSON). */
export async function runInspect(paths: string[], json: boolean, baseDir: string): Promise<number> {
  const io = createIO()
  const results: object[] = []
  let failed = 0
  const files = await expandInputs(paths, baseDir)
  if (files.length === 0) {
    console.error(`${NAME}: no .glb or .gltf files in ${paths.join(', ')}`)
    return 1
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
  if (json && results.length > 0)
    console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2))
  return failed > 0 ? 1 : 0
}
