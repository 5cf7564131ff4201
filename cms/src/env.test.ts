import { describe, expect, it } from 'vitest'

import { readEnv } from './env.ts'

const base = {
  NODE_ENV: 'test' as const,
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kairo',
  PAYLOAD_SECRET: 'a-secret-of-at-least-thirty-two-chars!',
}

describe('readEnv: site rebuilds', () => {
  it('defaults to off, so tests and builds never start a site build', () => {
    expect(readEnv(base).siteRebuild).toEqual({ mode: 'off' })
  })

  it('reads local mode with the astro dev refresh URL', () => {
    const env = {
      ...base,
      SITE_REBUILD: 'local',
      SITE_DEV_REFRESH_URL: 'http://127.0.0.1:4321/__refresh-content',
    }
    expect(readEnv(env).siteRebuild).toEqual({
      mode: 'local',
      devRefreshUrl: 'http://127.0.0.1:4321/__refresh-content',
    })
  })

  it('reads hook mode with its URL and the token its deploys report with', () => {
    const reportToken = 'r'.repeat(32)
    const env = {
      ...base,
      SITE_REBUILD: 'hook',
      SITE_DEPLOY_HOOK_URL: 'https://hooks.example/abc',
      SITE_BUILD_REPORT_TOKEN: reportToken,
    }
    expect(readEnv(env).siteRebuild).toEqual({
      mode: 'hook',
      deployHookUrl: 'https://hooks.example/abc',
      reportToken,
    })
    const { SITE_BUILD_REPORT_TOKEN: _, ...withoutToken } = env
    expect(() => readEnv(withoutToken)).toThrow('SITE_BUILD_REPORT_TOKEN is not set')
    expect(() => readEnv({ ...env, SITE_BUILD_REPORT_TOKEN: 'short' })).toThrow('at least 32 characters')
    expect(() => readEnv({ ...env, SITE_BUILD_REPORT_TOKEN: 'short' })).not.toThrow(/short/)
  })

  it('names every problem at once and never quotes the deploy hook URL', () => {
    const attempt = () =>
      readEnv({
        ...base,
        SITE_REBUILD: 'hook',
        SITE_DEPLOY_HOOK_URL: 'ftp://secret-hook-id',
        PAYLOAD_SECRET: 'x',
      })
    expect(attempt).toThrow(
      /PAYLOAD_SECRET must be at least 32.*\n.*SITE_DEPLOY_HOOK_URL must be an http\(s\) URL/,
    )
    expect(attempt).not.toThrow(/secret-hook-id/)
  })

  it('refuses an unknown mode and a hook mode without a URL', () => {
    expect(() => readEnv({ ...base, SITE_REBUILD: 'netlify' })).toThrow(
      'SITE_REBUILD must be one of off, local, hook, got "netlify"',
    )
    expect(() => readEnv({ ...base, SITE_REBUILD: 'hook' })).toThrow('SITE_DEPLOY_HOOK_URL is not set')
  })
})

describe('readEnv: draft preview', () => {
  const secret = 'a-preview-secret-of-at-least-32-chars!'

  it('is off without PREVIEW_SECRET', () => {
    expect(readEnv(base).preview).toEqual({ enabled: false })
  })

  it('reads the secret and the preview server, defaulting to astro dev', () => {
    expect(readEnv({ ...base, PREVIEW_SECRET: secret }).preview).toEqual({
      enabled: true,
      secret,
      siteUrl: 'http://localhost:4321',
    })
    const env = { ...base, PREVIEW_SECRET: secret, SITE_PREVIEW_URL: 'https://preview.kairo.studio/' }
    expect(readEnv(env).preview).toMatchObject({ siteUrl: 'https://preview.kairo.studio' })
  })

  it('refuses a short secret, the Payload secret reused, and a preview URL that is not http(s)', () => {
    expect(() => readEnv({ ...base, PREVIEW_SECRET: 'short' })).toThrow(
      'PREVIEW_SECRET must be at least 32 characters long',
    )
    expect(() => readEnv({ ...base, PREVIEW_SECRET: base.PAYLOAD_SECRET })).toThrow(
      'PREVIEW_SECRET must differ from PAYLOAD_SECRET',
    )
    expect(() => readEnv({ ...base, SITE_PREVIEW_URL: 'ftp://x' })).toThrow('SITE_PREVIEW_URL must be')
  })
})

describe('readEnv: 3D models', () => {
  it('keeps models in the CMS with posters by default', () => {
    expect(readEnv(base).models).toEqual({
      posters: true,
      cacheDir: null,
      r2PublicUrl: null,
      processingLeaseMs: 15 * 60_000,
      processLimits: { memoryMb: 3072, timeoutMs: 450_000 },
    })
  })

  it('reads the processing limits, and keeps the time limit under the lease', () => {
    const limits = (env: Record<string, string>) => readEnv({ ...base, ...env }).models.processLimits
    expect(limits({ MODEL_MEMORY_LIMIT_MB: '1024', MODEL_TIME_LIMIT_SECONDS: '120' })).toEqual({
      memoryMb: 1024,
      timeoutMs: 120_000,
    })
    // Unset, the time limit is half a short lease.
    expect(limits({ MODEL_PROCESSING_LEASE_MINUTES: '4' }).timeoutMs).toBe(120_000)
    expect(() =>
      readEnv({ ...base, MODEL_PROCESSING_LEASE_MINUTES: '5', MODEL_TIME_LIMIT_SECONDS: '300' }),
    ).toThrow(
      /MODEL_TIME_LIMIT_SECONDS \(300\) must be shorter than MODEL_PROCESSING_LEASE_MINUTES \(5 min\)/,
    )
    for (const bad of ['0', '12', '1.5', 'lots']) {
      expect(() => readEnv({ ...base, MODEL_MEMORY_LIMIT_MB: bad }), bad).toThrow(
        /MODEL_MEMORY_LIMIT_MB must be/,
      )
    }
    expect(() => readEnv({ ...base, MODEL_TIME_LIMIT_SECONDS: 'soon' })).toThrow(
      /MODEL_TIME_LIMIT_SECONDS must be/,
    )
  })

  it('reads the processing lease in whole minutes', () => {
    expect(readEnv({ ...base, MODEL_PROCESSING_LEASE_MINUTES: '40' }).models.processingLeaseMs).toBe(
      2_400_000,
    )
    for (const bad of ['0', '-5', '1.5', 'soon']) {
      expect(() => readEnv({ ...base, MODEL_PROCESSING_LEASE_MINUTES: bad }), bad).toThrow(
        /MODEL_PROCESSING_LEASE_MINUTES must be a whole number of minutes/,
      )
    }
  })

  it('needs the public URL when R2 is configured, and uses it without a trailing slash', () => {
    expect(() => readEnv({ ...base, R2_ENDPOINT: 'https://account.r2.example' })).toThrow(
      /R2_PUBLIC_URL is not set/,
    )
    const env = {
      ...base,
      R2_ENDPOINT: 'https://account.r2.example',
      R2_PUBLIC_URL: 'https://models.example/',
    }
    expect(readEnv(env).models.r2PublicUrl).toBe('https://models.example')
  })

  it('refuses an unknown poster setting', () => {
    expect(() => readEnv({ ...base, MODEL_POSTERS: 'maybe' })).toThrow(/MODEL_POSTERS must be on or off/)
  })
})

describe('readEnv: placeholders from .env.example', () => {
  it('refuses the example secrets and database password, naming each variable but no value', () => {
    const attempt = () =>
      readEnv({
        ...base,
        DATABASE_URL: 'postgres://kairo:replace-with-the-database-password@127.0.0.1:5432/kairo',
        PAYLOAD_SECRET: 'replace-with-at-least-32-random-characters',
        PREVIEW_SECRET: 'replace-with-at-least-32-other-random-characters',
      })
    expect(attempt).toThrow(
      /DATABASE_URL is still the placeholder.*\n.*PAYLOAD_SECRET is still the placeholder.*\n.*PREVIEW_SECRET is still the placeholder/,
    )
    expect(attempt).not.toThrow(/random-characters|database-password/)
  })

  it('accepts real values', () => {
    expect(() => readEnv({ ...base, PREVIEW_SECRET: 'a-preview-secret-of-at-least-32-chars!' })).not.toThrow()
  })
})
