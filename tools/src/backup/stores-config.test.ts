import { describe, expect, it } from 'vitest'
import { describeStore, resolveStores } from './stores-config.ts'

const local = { s3Port: 4569, s3DataDir: '/data/s3', wranglerState: '/data/wrangler' }
const production = {
  R2_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
  R2_ACCESS_KEY_ID: 'key-id',
  R2_SECRET_ACCESS_KEY: 'very-secret',
  R2_BUCKET: 'kairo-assets',
  R2_MEDIA_BUCKET: 'kairo-media',
  R2_DELIVERABLES_BUCKET: 'kairo-deliverables',
}

describe('resolveStores', () => {
  it('uses the local system without any variable: s3rver buckets and the Worker local R2', () => {
    const { stores, problems } = resolveStores({}, local)
    expect(problems).toEqual([])
    expect(stores.map(describeStore)).toEqual([
      'media (bucket kairo-media at http://127.0.0.1:4569)',
      'assets (bucket kairo-assets at http://127.0.0.1:4569)',
      "deliverables (the Worker's local R2 in /data/wrangler)",
    ])
  })

  it('reads production from R2_*, deliverables over the S3 API, and never names a key', () => {
    const { stores, problems } = resolveStores(production, local)
    expect(problems).toEqual([])
    expect(stores.map((store) => (store.kind === 's3' ? store.bucket : store.kind))).toEqual([
      'kairo-media',
      'kairo-assets',
      'kairo-deliverables',
    ])
    expect(JSON.stringify(stores.map(describeStore))).not.toContain('very-secret')
  })

  it('lists every problem at once, by variable name only', () => {
    const { problems } = resolveStores(
      {
        R2_ENDPOINT: 'ftp://x',
        R2_BUCKET: 'Bad_Name',
        R2_MEDIA_BUCKET: 'kairo-media',
        R2_SECRET_ACCESS_KEY: 'very-secret',
      },
      local,
    )
    expect(problems).toEqual([
      'R2_ENDPOINT must be an http(s) URL',
      'R2_ACCESS_KEY_ID is not set (R2_ENDPOINT is)',
      'R2_BUCKET is not a valid bucket name',
    ])
    expect(resolveStores({ ...production, R2_DELIVERABLES_BUCKET: 'kairo-media' }, local).problems).toEqual([
      'R2_MEDIA_BUCKET, R2_BUCKET and R2_DELIVERABLES_BUCKET must name different buckets',
    ])
    expect(resolveStores({ R2_DELIVERABLES_BUCKET: 'kairo-deliverables' }, local).problems).toEqual([
      'R2_ENDPOINT is not set (R2_DELIVERABLES_BUCKET needs it)',
    ])
  })
})
