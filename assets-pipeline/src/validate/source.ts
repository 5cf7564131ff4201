import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname } from 'node:path'
import { isGlb, parseGlb } from './glb.ts'
import type { InputLimits } from './limits.ts'
import { ModelError } from './model-error.ts'
import { createConfinedResolver, uriRefusal } from './resolver.ts'

/** The glTF JSON fields the pipeline looks at before glTF-Transform parses the model. */
export interface GltfJson {
  asset?: { version?: string }
  buffers?: { uri?: string; byteLength?: number }[]
  bufferViews?: {
    buffer?: number
    byteOffset?: number
    byteLength?: number
    extensions?: Record<string, unknown>
  }[]
  accessors?: { count?: unknown; type?: unknown; componentType?: unknown }[]
  nodes?: unknown
  scenes?: unknown
  images?: { uri?: string; mimeType?: string; bufferView?: number; name?: string }[]
  [key: string]: unknown
}

/** A model's files, read through the confined resolver, before any validation of their content. */
export interface SourceFiles {
  file: string
  format: 'glb' | 'gltf'
  /** The model file itself. */
  bytes: Uint8Array
  json: GltfJson
  /** The GLB's binary chunk, if any. */
  bin: Uint8Array | null
  /** Referenced files by URI, exactly as the JSON names them. */
  resources: Map<string, Uint8Array>
  /** The model file plus every file it references. */
  totalBytes: number
  /** SHA-256 (hex) over the model file and its referenced files: the cache and output key. */
  hash: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads a `.glb` or `.gltf` and the files it references, under the size limit and only from the
 * model's folder; every URI is screened (no `..`, absolute paths, `file:` or other schemes). Throws
 * a ModelError naming the reason. Nothing here interprets the model beyond its container.
 */
export async function readSource(file: string, limits: InputLimits): Promise<SourceFiles> {
  const extension = extname(file).toLowerCase()
  if (extension !== '.glb' && extension !== '.gltf') throw new ModelError('is not a .glb or .gltf file')
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) throw new ModelError('does not exist')
  if (info.size > limits.maxModelBytes) {
    throw new ModelError(`is ${info.size} bytes, over the ${limits.maxModelBytes}-byte limit`)
  }
  const bytes = new Uint8Array(await readFile(file))
  let json: unknown
  let bin: Uint8Array | null = null
  if (isGlb(bytes)) {
    ;({ json, bin } = parseGlb(bytes))
  } else if (extension === '.glb') {
    throw new ModelError('is not a GLB file (no glTF magic)')
  } else {
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch (error) {
      throw new ModelError(`is not glTF JSON (${(error as Error).message})`)
    }
  }
  if (!isObject(json) || !isObject(json.asset)) throw new ModelError('is not glTF (no "asset" object)')
  const gltf = json as GltfJson
  const resolver = await createConfinedResolver(dirname(file), limits.maxModelBytes - bytes.byteLength)
  const resources = new Map<string, Uint8Array>()
  const hash = createHash('sha256').update(bytes)
  for (const entry of [...(gltf.buffers ?? []), ...(gltf.images ?? [])]) {
    const uri = isObject(entry) ? entry.uri : undefined
    if (uri === undefined) continue
    if (typeof uri !== 'string') throw new ModelError('has a URI that is not a string')
    const refusal = uriRefusal(uri)
    if (refusal) throw new ModelError(`references ${refusal}`)
    if (uri.startsWith('data:') || resources.has(uri)) continue
    const data = await resolver.read(uri)
    resources.set(uri, data)
    hash.update(uri).update(data)
  }
  return {
    file,
    format: isGlb(bytes) ? 'glb' : 'gltf',
    bytes,
    json: gltf,
    bin,
    resources,
    totalBytes: bytes.byteLength + resolver.bytesRead,
    hash: hash.digest('hex'),
  }
}

/** A short, URL-safe name for a model's outputs, from its file name. */
export function modelName(file: string): string {
  const stem = basename(file, extname(file))
  return (
    stem
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model'
  )
}
