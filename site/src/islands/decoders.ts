import { REVISION, type WebGLRenderer } from 'three'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import type { ModelLod } from '../lib/models.ts'
import { DECODER_WORKERS } from './decoder-workers.ts'

/**
 * Where the build copies three's decoders (src/integrations/islands.ts): on the site's own origin,
 * under the three.js revision, so the files can be cached as immutable and never come from a CDN.
 */
export const DECODERS_PATH = `/decoders/r${REVISION}/`

// One loader set for every island on the page. Each decoder is fetched only when a level that
// needs it is about to load: the smallest level usually needs only meshopt (7.6 KB gzip), so the
// Basis transcoder and Draco wait for the detailed levels. Draco and Basis decode in workers that
// are script files on this origin (draco-loader.ts, ktx2-loader.ts), never blob: URLs.
const gltf = new GLTFLoader()
let meshopt: Promise<void> | undefined
let draco: Promise<void> | undefined
let basis: Promise<void> | undefined

export async function loaderFor(lod: ModelLod, renderer: WebGLRenderer): Promise<GLTFLoader> {
  const ready: Promise<void>[] = []
  if (lod.decoders.includes('meshopt')) {
    meshopt ??= import(/* @vite-ignore */ `${DECODERS_PATH}meshopt_decoder.module.js`).then(
      async ({ MeshoptDecoder }) => {
        await MeshoptDecoder.ready
        gltf.setMeshoptDecoder(MeshoptDecoder)
      },
    )
    ready.push(meshopt)
  }
  if (lod.decoders.includes('draco')) {
    draco ??= import('./draco-loader.ts').then(({ SameOriginDRACOLoader }) => {
      gltf.setDRACOLoader(
        new SameOriginDRACOLoader({
          worker: `${DECODERS_PATH}${DECODER_WORKERS.draco}`,
          wasm: `${DECODERS_PATH}draco/gltf/draco_decoder.wasm`,
        }),
      )
    })
    ready.push(draco)
  }
  if (lod.decoders.includes('basis')) {
    basis ??= import('./ktx2-loader.ts').then(({ SameOriginKTX2Loader }) => {
      const ktx2 = new SameOriginKTX2Loader({
        worker: `${DECODERS_PATH}${DECODER_WORKERS.basis}`,
        wasm: `${DECODERS_PATH}basis/basis_transcoder.wasm`,
      })
      gltf.setKTX2Loader(ktx2.detectSupport(renderer))
    })
    ready.push(basis)
  }
  await Promise.all(ready)
  return gltf
}
