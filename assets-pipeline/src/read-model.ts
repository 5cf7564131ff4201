import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { type Document, NodeIO } from '@gltf-transform/core'
import { KHRONOS_EXTENSIONS } from '@gltf-transform/extensions'
import { ModelError } from './validate/model-error.ts'

export { ModelError }

export interface LoadedModel {
  doc: Document
  /** Size of the file on disk. */
  fileBytes: number
}

/** glTF-Transform's IO with every Khronos extension registered, so extended models read fully. */
export function createIO(): NodeIO {
  return new NodeIO().registerExtensions(KHRONOS_EXTENSIONS)
}

// A .gltf's URIs could point anywhere (`../`, absolute paths); only self-contained data URIs are
// read, so inspecting an untrusted model cannot read other files.
function assertSelfContained(json: { buffers?: { uri?: string }[]; images?: { uri?: string }[] }): void {
  for (const resource of [...(json.buffers ?? []), ...(json.images ?? [])]) {
    if (resource.uri !== undefined && !resource.uri.startsWith('data:')) {
      throw new ModelError(
        `references an external file "${resource.uri}"; only .glb or self-contained .gltf is read`,
      )
    }
  }
}

/**
 * Reads a `.glb`, or a `.gltf` whose buffers and images are all embedded data URIs, into a Document.
 * Throws a ModelError naming the reason when the file is missing, has another extension, is not
 * valid glTF 2.0, or references external files.
 */
export async function readModel(path: string, io: NodeIO = createIO()): Promise<LoadedModel> {
  const extension = extname(path).toLowerCase()
  if (extension !== '.glb' && extension !== '.gltf') {
    throw new ModelError(`not a .glb or .gltf file`)
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ModelError(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? error})`)
  }
  try {
    if (extension === '.glb') return { doc: await io.readBinary(bytes), fileBytes: bytes.byteLength }
    const json = JSON.parse(new TextDecoder().decode(bytes))
    assertSelfContained(json)
    return { doc: await io.readJSON({ json, resources: {} }), fileBytes: bytes.byteLength }
  } catch (error) {
    if (error instanceof ModelError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ModelError(`not valid glTF 2.0 (${reason})`)
  }
}
