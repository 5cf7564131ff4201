import { describe, expect, it } from 'vitest'
import { modelFileLocation } from './models.ts'

const key = 'models/planet-aurum/lod0.1a2b3c4d5e6f7a8b.glb'

describe('modelFileLocation', () => {
  it('reads a file the CMS serves from CMS_URL, whatever origin the manifest names, and ships it under /models/', () => {
    expect(
      modelFileLocation(
        { key, url: `http://localhost:3000/api/model-assets/${key}` },
        'http://127.0.0.1:3100',
      ),
    ).toEqual({
      fetch: `http://127.0.0.1:3100/api/model-assets/${key}`,
      src: `/${key}`,
    })
  })

  it('reads a file in the bucket from its public URL and ships it under /models/ too, so the site stays on its own origin', () => {
    const url = `http://127.0.0.1:4569/kairo-assets/${key}`
    expect(modelFileLocation({ key, url }, 'http://127.0.0.1:3000')).toEqual({ fetch: url, src: `/${key}` })
  })
})
