import { readdir, stat } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'

const MODEL = new Set(['.glb', '.gltf'])

/**
 * The model files named by the CLI's arguments: files as given (missing ones too, so they are
 * reported), folders searched recursively for `.glb` and `.gltf`, in a stable order, each once.
 */
export async function expandInputs(inputs: string[], baseDir: string): Promise<string[]> {
  const files: string[] = []
  for (const input of inputs) {
    const path = resolve(baseDir, input)
    const info = await stat(path).catch(() => null)
    if (!info?.isDirectory()) {
      files.push(path)
      continue
    }
    const entries = await readdir(path, { recursive: true })
    files.push(
      ...entries
        .filter((entry) => MODEL.has(extname(entry).toLowerCase()))
        .sort()
        .map((entry) => join(path, entry)),
    )
  }
  return [...new Set(files)]
}
