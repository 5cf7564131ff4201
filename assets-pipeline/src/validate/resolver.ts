import { readFile, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ModelError } from './model-error.ts'

/** Reads the files a `.gltf`/`.glb` references, and nothing outside the model's own folder. */
export interface ConfinedResolver {
  /** The bytes of a relative URI inside the folder; throws a ModelError naming the reason otherwise. */
  read(uri: string): Promise<Uint8Array>
  /** Bytes read so far (the model's files count against its size limit together). */
  readonly bytesRead: number
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * Why a URI may not be read, or null when it is a plain relative path. Pure, so the same rules
 * screen every URI in a model's JSON and every request the Khronos validator makes.
 */
export function uriRefusal(uri: string): string | null {
  if (uri.length === 0) return 'an empty URI'
  if (uri.startsWith('data:')) return null
  if (/^file:/i.test(uri)) return `a file: URI "${uri}"`
  if (/^[a-z]:[\\/]/i.test(uri)) return `an absolute path "${uri}"`
  if (SCHEME.test(uri)) return `a URL "${uri}" (only files beside the model are read)`
  let path: string
  try {
    path = decodeURIComponent(uri)
  } catch {
    return `a malformed URI "${uri}"`
  }
  if (path.includes('\0')) return `a URI with a NUL byte "${uri}"`
  if (path.includes('\\')) return `a URI with a backslash "${uri}"`
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return `an absolute path "${uri}"`
  const parts = path.split('/')
  let depth = 0
  for (const part of parts) {
    if (part === '..') depth--
    else if (part !== '.' && part !== '') depth++
    if (depth < 0) return `a path leaving the model's folder "${uri}"`
  }
  return null
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/**
 * A resolver confined to `folder` (the model's directory): relative URIs only, no `..` escapes,
 * no absolute paths or other schemes, no symlinks pointing out, and at most `maxBytes` read in all.
 * glTF-Transform's NodeIO.read would follow `../` and absolute paths, so untrusted models are only
 * ever read through this.
 */
export async function createConfinedResolver(folder: string, maxBytes: number): Promise<ConfinedResolver> {
  const root = await realpath(folder)
  const cache = new Map<string, Promise<Uint8Array>>()
  let bytesRead = 0
  async function load(uri: string): Promise<Uint8Array> {
    const refusal = uriRefusal(uri)
    if (refusal) throw new ModelError(`references ${refusal}`)
    if (uri.startsWith('data:'))
      throw new ModelError('data: URIs are decoded by the reader, not read as files')
    const path = resolve(root, decodeURIComponent(uri))
    let real: string
    try {
      real = await realpath(path)
    } catch {
      throw new ModelError(`references a missing file "${uri}"`)
    }
    if (!inside(root, real))
      throw new ModelError(`references "${uri}", which links outside the model's folder`)
    const info = await stat(real)
    if (!info.isFile()) throw new ModelError(`references "${uri}", which is not a file`)
    if (bytesRead + info.size > maxBytes) {
      throw new ModelError(`is over the size limit (${maxBytes} bytes with the files it references)`)
    }
    bytesRead += info.size
    return new Uint8Array(await readFile(real))
  }
  return {
    read(uri) {
      let pending = cache.get(uri)
      if (!pending) {
        pending = load(uri)
        cache.set(uri, pending)
      }
      return pending
    },
    get bytesRead() {
      return bytesRead
    },
  }
}
