import { REVISION, type WebGLRenderer } from 'three'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import type { ModelLod } from '../lib/models.ts'

/**
 * Where the build copies three's decoders (src/integrations/islands.ts): on the site's own origin,
 * under the three.js revision, so the files can be cached as immutable and never come from a CDN.
 */
export const DECODERS_PATH = `/decoders/r${REVISION}/`

// One loader set for every island on the page. Each decoder is fetched only when a level that
// needs it is about to load: the smallest level usually needs only meshopt (7.6 KB gzip), so the
// Basis transcoder and Draco wait for the detailed levels.
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
    draco ??= import('three/examples/jsm/loaders/DRACOLoader.js').then(({ DRACOLoader }) => {
      gltf.setDRACOLoader(new DRACOLoader().setDecoderPath(`${DECODERS_PATH}draco/gltf/`))
    })
    ready.push(draco)
  }
  if (lod.decoders.includes('basis')) {
    basis ??= import('three/examples/jsm/loaders/KTX2Loader.js').then(({ KTX2Loader }) => {
      gltf.setKTX2Loader(new KTX2Loader().setTranscoderPath(`${DECODERS_PATH}basis/`).detectSupport(renderer))
    })
    ready.push(basis)
  }
  await Promise.all(ready)
  return gltf
}
