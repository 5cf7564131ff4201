import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { NodeIO } from '@gltf-transform/core'
import { makeCube } from './make-cube.ts'
import { makeAnimatedCube, makeMorphCube, makeSphere } from './make-models.ts'

/** The well-behaved generated models a build test runs on, written into `dir`. */
export async function writeGoodModels(
  dir: string,
): Promise<Record<'sphere' | 'textured' | 'morph' | 'spin', string>> {
  await mkdir(dir, { recursive: true })
  const io = new NodeIO()
  const files = {
    sphere: join(dir, 'sphere.glb'),
    textured: join(dir, 'textured.glb'),
    morph: join(dir, 'morph.glb'),
    spin: join(dir, 'spin.glb'),
  }
  await writeFile(files.sphere, await io.writeBinary(makeSphere()))
  await writeFile(files.textured, await io.writeBinary(makeCube({ textureSize: 16, dataMaps: true })))
  await writeFile(files.morph, await io.writeBinary(makeMorphCube()))
  await writeFile(files.spin, await io.writeBinary(makeAnimatedCube()))
  return files
}
