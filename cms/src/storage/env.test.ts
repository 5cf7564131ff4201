import { describe, expect, it } from 'vitest'

import { readMediaStorage } from './env.ts'

const read = (env: Record<string, string | undefined>) => {
  const problems: string[] = []
  return { storage: readMediaStorage(env, problems), problems }
}

const complete = {
  R2_MEDIA_BUCKET: 'kairo-media',
  R2_BUCKET: 'kairo-assets',
  R2_ENDPOINT: 'http://127.0.0.1:4569',
  R2_ACCESS_KEY_ID: 'key-id',
  R2_SECRET_ACCESS_KEY: 'secret-value',
}

describe('readMediaStorage', () => {
  it('keeps files on disk when R2_MEDIA_BUCKET is unset', () => {
    expect(read({ R2_ENDPOINT: 'http://127.0.0.1:4569' })).toEqual({ storage: null, problems: [] })
  })

  it('reads the bucket and its connection, path-style and region auto by default', () => {
    expect(read(complete)).toEqual({
      storage: {
        bucket: 'kairo-media',
        endpoint: 'http://127.0.0.1:4569',
        region: 'auto',
        forcePathStyle: true,
        accessKeyId: 'key-id',
        secretAccessKey: 'secret-value',
      },
      problems: [],
    })
  })

  it('names every missing or bad variable, never a key', () => {
    const { problems } = read({
      R2_MEDIA_BUCKET: 'kairo-assets',
      R2_BUCKET: 'kairo-assets',
      R2_SECRET_ACCESS_KEY: 'secret-value',
    })
    expect(problems).toEqual([
      'R2_MEDIA_BUCKET must differ from R2_BUCKET (media are private, processed models public)',
      'R2_ENDPOINT is not set (R2_MEDIA_BUCKET needs it)',
      'R2_ACCESS_KEY_ID is not set (R2_MEDIA_BUCKET needs it)',
    ])
    expect(problems.join(' ')).not.toContain('secret-value')
    expect(read({ ...complete, R2_MEDIA_BUCKET: 'Not A Bucket' }).problems).toEqual([
      'R2_MEDIA_BUCKET is not a valid bucket name, got "Not A Bucket"',
    ])
  })
})
