import { ModelError } from './model-error.ts'

const MAGIC = 0x46546c67 // 'glTF'
const JSON_CHUNK = 0x4e4f534a
const BIN_CHUNK = 0x004e4942

/** A GLB container split into its JSON and its binary chunk, every length checked against the file. */
export interface GlbParts {
  json: unknown
  bin: Uint8Array | null
}

/** Splits a GLB after checking its header and chunk lengths; a ModelError says what is wrong. */
export function parseGlb(bytes: Uint8Array): GlbParts {
  if (bytes.byteLength < 20) throw new ModelError(`is truncated (${bytes.byteLength} bytes, no GLB header)`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(0, true) !== MAGIC) throw new ModelError('is not a GLB file (no glTF magic)')
  const version = view.getUint32(4, true)
  if (version !== 2) throw new ModelError(`is GLB version ${version}; only glTF 2.0 is read`)
  const declared = view.getUint32(8, true)
  if (declared > bytes.byteLength) {
    throw new ModelError(`is truncated (header says ${declared} bytes, the file has ${bytes.byteLength})`)
  }
  const jsonLength = view.getUint32(12, true)
  if (view.getUint32(16, true) !== JSON_CHUNK)
    throw new ModelError('is not valid GLB (first chunk is not JSON)')
  if (20 + jsonLength > declared) throw new ModelError('is truncated (the JSON chunk runs past the end)')
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)))
  } catch (error) {
    throw new ModelError(`has a JSON chunk that does not parse (${(error as Error).message})`)
  }
  let bin: Uint8Array | null = null
  const binStart = 20 + jsonLength
  if (binStart + 8 <= declared) {
    const binLength = view.getUint32(binStart, true)
    if (view.getUint32(binStart + 4, true) === BIN_CHUNK) {
      if (binStart + 8 + binLength > declared)
        throw new ModelError('is truncated (the BIN chunk runs past the end)')
      bin = bytes.subarray(binStart + 8, binStart + 8 + binLength)
    }
  }
  return { json, bin }
}

export function isGlb(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC
}

/** Packs glTF JSON and an optional binary chunk into a GLB (each chunk padded to 4 bytes, as the format asks). */
export function writeGlb(json: unknown, bin: Uint8Array | null): Uint8Array {
  const pad = (data: Uint8Array, fill: number) => {
    const padded = new Uint8Array(Math.ceil(data.byteLength / 4) * 4).fill(fill)
    padded.set(data)
    return padded
  }
  const jsonChunk = pad(new TextEncoder().encode(JSON.stringify(json)), 0x20)
  const binChunk = bin ? pad(bin, 0) : null
  const length = 12 + 8 + jsonChunk.byteLength + (binChunk ? 8 + binChunk.byteLength : 0)
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, 2, true)
  view.setUint32(8, length, true)
  view.setUint32(12, jsonChunk.byteLength, true)
  view.setUint32(16, JSON_CHUNK, true)
  out.set(jsonChunk, 20)
  if (binChunk) {
    const at = 20 + jsonChunk.byteLength
    view.setUint32(at, binChunk.byteLength, true)
    view.setUint32(at + 4, BIN_CHUNK, true)
    out.set(binChunk, at + 8)
  }
  return out
}
