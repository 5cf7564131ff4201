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
