import { describe, expect, it } from 'vitest'
import { readSiteEnv } from './env.ts'

describe('readSiteEnv', () => {
  it('falls back to the local ports when nothing is set', () => {
    expect(readSiteEnv({})).toEqual({
      cmsUrl: 'http://localhost:3000',
      siteUrl: 'http://localhost:4321',
      contentOffline: false,
      buildInPlace: false,
      cacheDir: undefined,
    })
  })

  it('moves Astro’s cache folder only when SITE_BUILD_CACHE_DIR names one', () => {
    expect(readSiteEnv({ SITE_BUILD_CACHE_DIR: '/tmp/large-site/cache' }).cacheDir).toBe(
      '/tmp/large-site/cache',
    )
    expect(readSiteEnv({ SITE_BUILD_CACHE_DIR: '  ' }).cacheDir).toBeUndefined()
  })

  it('drops a trailing slash so paths can be appended', () => {
    expect(readSiteEnv({ CMS_URL: 'https://cms.example/' }).cmsUrl).toBe('https://cms.example')
  })

  it('names every bad variable in one message', () => {
    expect(() =>
      readSiteEnv({
        CMS_URL: 'not a url',
        SITE_URL: 'ftp://x.example',
        SITE_CONTENT_OFFLINE: 'yes',
        SITE_BUILD_IN_PLACE: 'true',
      }),
    ).toThrow(
      /CMS_URL is not a URL.*SITE_URL must be an http\(s\) URL.*SITE_CONTENT_OFFLINE must be 0 or 1.*SITE_BUILD_IN_PLACE must be 0 or 1/,
    )
  })
})
