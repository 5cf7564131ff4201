import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'

export type Decoder = 'draco' | 'meshopt' | 'basis'

/**
 * The decoder files a page needs for each codec, as three.js ships them (the site serves these from
 * its own origin, never a CDN), relative to `three/examples/jsm/libs/`.
 */
export const DECODER_FILES: Record<Decoder, string[]> = {
  draco: ['draco/gltf/draco_wasm_wrapper.js', 'draco/gltf/draco_decoder.wasm'],
  meshopt: ['meshopt_decoder.module.js'],
  basis: ['basis/basis_transcoder.js', 'basis/basis_transcoder.wasm'],
}

/** The folder of three's decoder libraries in node_modules. */
export function threeLibsDir(): string {
  const require = createRequire(import.meta.url)
  // `three` resolves to build/three.cjs; its package root is one folder up.
  return join(dirname(dirname(require.resolve('three'))), 'examples', 'jsm', 'libs')
}

let sizes: Record<Decoder, number> | null = null

/**
 * Bytes each decoder costs a page on the wire (gzip, as a CDN or the Worker serves them), measured
 * from the installed files once per process.
 */
export function decoderTransferBytes(): Record<Decoder, number> {
  if (!sizes) {
    const libs = threeLibsDir()
    const measure = (files: string[]) =>
      files.reduce((sum, file) => sum + gzipSync(readFileSync(join(libs, file)), { level: 9 }).byteLength, 0)
    sizes = {
      draco: measure(DECODER_FILES.draco),
      meshopt: measure(DECODER_FILES.meshopt),
      basis: measure(DECODER_FILES.basis),
    }
  }
  return sizes
}
