import { describe, expect, it } from 'vitest'
import { astroBuildEnv } from './astro-env.ts'

describe('the environment astro build runs in', () => {
  it('keeps what the site reads and leaves out the caller’s secrets and settings', () => {
    const env = astroBuildEnv(
      {
        CMS_URL: 'http://localhost:3000',
        SITE_URL: 'https://kairo.example',
        ASTRO_KEY: 'key',
        HOME: '/home/editor',
        LC_ALL: 'C.UTF-8',
        // The CMS's own environment, which its rebuilder runs the build in:
        DATABASE_URL: 'postgres://cms:secret@db/kairo',
        S3_SECRET_ACCESS_KEY: 'secret',
        SMTP_PASSWORD: 'secret',
        SITE_BUILD_REPORT_TOKEN: 'secret',
        CI: 'true',
        npm_lifecycle_event: 'build',
      },
      { SITE_BUILD_IN_PLACE: '1' },
    )
    expect(Object.keys(env).sort()).toEqual([
      'ASTRO_KEY',
      'CMS_URL',
      'HOME',
      'LC_ALL',
      'PATH',
      'SITE_BUILD_IN_PLACE',
      'SITE_URL',
    ])
  })

  it('gives the same environment whatever PATH the caller had', () => {
    const a = astroBuildEnv({ PATH: '/work/site/node_modules/.bin:/usr/bin', CI: 'true' }, {})
    const b = astroBuildEnv({ PATH: '/usr/bin:/bin' }, {})
    expect(a).toEqual(b)
    expect(a.PATH?.split(':')[0]).toBe(process.execPath.replace(/\/node$/, ''))
  })
})
