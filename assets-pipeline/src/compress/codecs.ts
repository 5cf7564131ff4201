import { Logger, NodeIO } from '@gltf-transform/core'
import { ALL_EXTENSIONS } from '@gltf-transform/extensions'
import draco3d from 'draco3dgltf'
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer'

let pending: Promise<NodeIO> | null = null

/**
 * glTF-Transform's IO with every extension and the Draco and meshopt codecs registered, so
 * compressed inputs read and compressed outputs write. Created once per process (the WASM modules
 * take a moment to start).
 */
export function codecIO(): Promise<NodeIO> {
  pending ??= (async () => {
    await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready])
    // glTF-Transform's info and warnings ("prune: removed…") would interleave with the progress display.
    return new NodeIO()
      .setLogger(new Logger(Logger.Verbosity.ERROR))
      .registerExtensions(ALL_EXTENSIONS)
      .registerDependencies({
        'draco3d.decoder': await draco3d.createDecoderModule(),
        'draco3d.encoder': await draco3d.createEncoderModule(),
        'meshopt.decoder': MeshoptDecoder,
        'meshopt.encoder': MeshoptEncoder,
      })
  })()
  return pending
}
