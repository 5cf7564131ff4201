import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KHRTextureBasisu } from '@gltf-transform/extensions'
import { cloneDocument } from '@gltf-transform/functions'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ktx2Info } from '../../test/ktx2-info.ts'
import { makeSphere } from '../../test/make-models.ts'
import { BuildCache } from '../cache.ts'
import { defaultOptions, type LodLevel } from '../options.ts'
import { Ktx2Encoder } from './ktx2.ts'
import { type DecodedSources, encodeLodTextures } from './lod-textures.ts'

const ORANGE = [200, 120, 40]

let work: string
let ktx2: Ktx2Encoder

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kairo-lod-textures-'))
  ktx2 = new Ktx2Encoder(new BuildCache(work), defaultOptions().ktx2, 1)
})
afterAll(async () => {
  await ktx2?.close()
  await rm(work, { recursive: true, force: true })
})

/** A sphere whose 512-px orange texture came as a Basis Universal KTX2 (ETC1S, sRGB), as some models do. */
async function sphereWithKtx2Texture() {
  const doc = makeSphere(16, 8, 512)
  const texture = doc.getRoot().listTextures()[0]
  if (!texture) throw new Error('no texture')
  const image = await ktx2.encode({
    image: texture.getImage() as Uint8Array,
    width: 512,
    height: 512,
    mode: 'etc1s',
    normalMap: false,
  })
  texture.setImage(image).setMimeType('image/ktx2')
  doc.createExtension(KHRTextureBasisu).setRequired(true)
  return doc
}

const level = (textureSize: number, textureFormat: LodLevel['textureFormat']): LodLevel => ({
  ratio: 1,
  error: 0.01,
  textureSize,
  textureFormat,
  switchDistance: 0,
})

describe('encodeLodTextures with KTX2 sources', () => {
  it('downsizes a Basis KTX2 texture and re-encodes it as KTX2 for a detailed level', async () => {
    const doc = await sphereWithKtx2Texture()
    const [record] = await encodeLodTextures(doc, level(256, 'ktx2'), ktx2)
    expect(record).toMatchObject({ format: 'ktx2-etc1s', width: 256, height: 256 })
    const image = doc.getRoot().listTextures()[0]?.getImage() as Uint8Array
    expect(ktx2Info(image)).toMatchObject({ width: 256, height: 256, codec: 'etc1s', transfer: 'srgb' })
  })

  it('turns it into a small WebP for the first-frame level, which then needs no Basis transcoder', async () => {
    const doc = await sphereWithKtx2Texture()
    const [record] = await encodeLodTextures(doc, level(128, 'webp'), ktx2)
    expect(record).toMatchObject({ format: 'webp', width: 128, height: 128 })
    const texture = doc.getRoot().listTextures()[0]
    expect(texture?.getMimeType()).toBe('image/webp')
    // The pixels are the source's: the same orange, decoded from the KTX2 and resized.
    const { data } = await sharp(texture?.getImage() as Uint8Array)
      .raw()
      .toBuffer({ resolveWithObject: true })
    for (const [channel, value] of ORANGE.entries())
      expect(Math.abs((data[channel] ?? 0) - value)).toBeLessThan(12)
    expect(record?.bytes).toBeLessThan(2_000)
    expect(
      doc
        .getRoot()
        .listExtensionsUsed()
        .map((e) => e.extensionName),
    ).not.toContain('KHR_texture_basisu')
  })

  it('decodes a source once for all the levels of one model', async () => {
    const detailed = await sphereWithKtx2Texture()
    const smallest = cloneDocument(detailed)
    const decoded: DecodedSources = new Map()
    await encodeLodTextures(detailed, level(256, 'ktx2'), ktx2, decoded)
    expect(decoded.size).toBe(1)
    const [source] = [...decoded.values()]
    const [record] = await encodeLodTextures(smallest, level(64, 'webp'), ktx2, decoded)
    expect(record).toMatchObject({ format: 'webp', width: 64, height: 64 })
    expect([...decoded.values()]).toEqual([source])
    expect(await source).toMatchObject({ width: 512, height: 512 })
  })

  it('ships a KTX2 that is not Basis Universal as it came', async () => {
    const doc = makeSphere(16, 8, 16)
    const texture = doc.getRoot().listTextures()[0]
    // A KTX2 identifier and nothing a transcoder can read.
    const odd = new Uint8Array(256)
    odd.set([0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a])
    texture?.setImage(odd).setMimeType('image/ktx2')
    const [record] = await encodeLodTextures(doc, level(128, 'webp'), ktx2)
    expect(record?.format).toBe('image/ktx2')
    expect(texture?.getImage()).toBe(odd)
  })
})
