/** Largest source model accepted, in bytes: a detailed GLB with 4K textures fits; the pipeline shrinks it. */
export const MAX_MODEL_BYTES = 32 * 1024 * 1024

/** The only MIME type the models collection stores. */
export const GLB_MIME_TYPE = 'model/gltf-binary'

/**
 * Whether the bytes are a binary glTF 2.0 file: the magic `glTF` followed by version 2 (a
 * little-endian uint32), judged by content, never by the file's name or claimed type.
 */
export function isGlb2(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false
  const magic = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0)
  const version = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true)
  return magic === 'glTF' && version === 2
}

/** Why bytes that are not a GLB 2.0 file were refused, in words for the editor. */
export function glbProblem(bytes: Uint8Array): string | null {
  if (isGlb2(bytes)) return null
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (head.startsWith('<')) return 'is an HTML or XML document, not a 3D model'
  if (head.startsWith('{')) return 'is JSON (a .gltf?), not a binary .glb: export the model as GLB'
  if (bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 4)) === 'glTF') {
    return 'is a glTF 1.0 binary; only glTF 2.0 (.glb) is accepted'
  }
  return 'is not a binary glTF 2.0 (.glb) file (its first bytes are not "glTF" version 2, whatever its name says)'
}
