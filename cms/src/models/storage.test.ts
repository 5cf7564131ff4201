import { describe, expect, it } from 'vitest'

import { isModelAssetKey, modelStorage } from './storage.ts'

describe('isModelAssetKey', () => {
  it('accepts the keys the pipeline writes', () => {
    expect(isModelAssetKey('models/planet-aurum/planet-aurum.lod2.0123456789abcdef.glb')).toBe(true)
    expect(isModelAssetKey('models/planet-aurum/planet-aurum.poster-600.0123456789abcdef.webp')).toBe(true)
    expect(isModelAssetKey('models/planet-aurum/manifest.json')).toBe(true)
  })

  it('refuses traversal, absolute paths, other folders and odd characters', () => {
    for (const key of [
      '../package.json',
      'models/../../package.json',
      'models/a/../../b.glb',
      'models/a/..',
      '/etc/passwd',
      'models/a\\..\\b.glb',
      'models/a/%2e%2e.glb',
      'report.html',
      'models/A/B.glb',
      'models//x.glb',
    ]) {
      expect(isModelAssetKey(key), key).toBe(false)
    }
  })
})

describe('modelStorage', () => {
  it('stores local URLs root-relative, and R2 URLs on the public base URL', () => {
    expect(
      modelStorage({
        posters: true,
        cacheDir: null,
        r2PublicUrl: null,
        processingLeaseMs: 60_000,
        processLimits: { memoryMb: 3072, timeoutMs: 30_000 },
      }),
    ).toMatchObject({
      baseUrl: '/api/model-assets/',
      upload: false,
    })
    expect(
      modelStorage({
        posters: false,
        cacheDir: '/c',
        r2PublicUrl: 'https://m.example',
        processingLeaseMs: 60_000,
        processLimits: { memoryMb: 3072, timeoutMs: 30_000 },
      }),
    ).toMatchObject({
      baseUrl: 'https://m.example/',
      upload: true,
      cacheDir: '/c',
      posters: false,
    })
  })
})
