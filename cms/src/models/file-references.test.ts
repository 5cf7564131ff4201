import { describe, expect, it } from 'vitest'

import { manifestKeys, unreferenced } from './file-references.ts'

const manifest = {
  name: 'planet-aurum',
  lods: [
    { key: 'models/planet-aurum/planet-aurum.lod0.0123456789abcdef.glb' },
    { key: 'models/planet-aurum/planet-aurum.lod1.0123456789abcdef.glb' },
  ],
  poster: { images: [{ key: 'models/planet-aurum/planet-aurum.poster-600.0123456789abcdef.webp' }] },
}

describe('manifestKeys', () => {
  it('names every level, every poster image and the manifest file', () => {
    expect(manifestKeys(manifest)).toEqual([
      'models/planet-aurum/planet-aurum.lod0.0123456789abcdef.glb',
      'models/planet-aurum/planet-aurum.lod1.0123456789abcdef.glb',
      'models/planet-aurum/planet-aurum.poster-600.0123456789abcdef.webp',
      'models/planet-aurum/manifest.json',
    ])
    expect(manifestKeys({ ...manifest, poster: null })).toHaveLength(3)
    expect(manifestKeys(null)).toEqual([])
  })

  it('never names anything outside the model files, whatever a damaged manifest says', () => {
    const damaged = {
      name: '../../src',
      lods: [{ key: '../../package.json' }, { key: '/etc/passwd' }, { key: 42 }, null],
      poster: { images: [{ key: 'models/a/../../b.glb' }] },
    }
    expect(manifestKeys(damaged)).toEqual([])
  })
})

describe('unreferenced', () => {
  const references = {
    keys: new Set(['models/a/a.lod0.0123456789abcdef.glb']),
    busyFolders: new Set(['models/b']),
  }

  it('keeps what another manifest names and what a build in progress may be writing', () => {
    expect(
      unreferenced(
        [
          'models/a/a.lod0.0123456789abcdef.glb',
          'models/a/a.lod1.0123456789abcdef.glb',
          'models/b/manifest.json',
        ],
        references,
      ),
    ).toEqual(['models/a/a.lod1.0123456789abcdef.glb'])
  })
})
