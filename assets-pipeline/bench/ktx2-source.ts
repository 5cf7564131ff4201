import { BuildCache } from '../src/cache.ts'
import { codecIO } from '../src/compress/codecs.ts'
import { defaultOptions } from '../src/options.ts'
import { Ktx2Encoder } from '../src/textures/ktx2.ts'
import { encodeLodTextures } from '../src/textures/lod-textures.ts'

/**
 * A copy of a model whose textures are already Basis Universal KTX2 (ETC1S colour, UASTC data, at
 * most `size` px), written to `output`: how models from other tools often arrive, and what the
 * pipeline must downsize per level rather than ship at full size on every level. Made with the
 * pipeline's own encoder, since the shared models all come with PNG or JPEG textures.
 */
export async function writeKtx2Copy(input: string, output: string, cacheDir: string, size = 1024) {
  const io = await codecIO()
  const doc = await io.read(input) // a shared test model, not an editor's upload
  const options = defaultOptions()
  const ktx2 = new Ktx2Encoder(new BuildCache(cacheDir), options.ktx2, options.workers)
  try {
    await encodeLodTextures(
      doc,
      { ratio: 1, error: 0, textureSize: size, textureFormat: 'ktx2', switchDistance: 0 },
      ktx2,
    )
  } finally {
    await ktx2.close()
  }
  await io.write(output, doc)
}
