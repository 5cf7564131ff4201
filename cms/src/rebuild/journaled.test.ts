import { describe, expect, it } from 'vitest'

import { errorStart } from './journaled.ts'
import { SiteBuildFailed } from './local.ts'

const failed = (output: string) => new SiteBuildFailed(1, output.split('\n'))

describe('errorStart', () => {
  it('finds the message Astro prints above its stack trace, whatever its words', () => {
    const output = [
      '$ node scripts/build.ts',
      '03:50:04 [content] Syncing content',
      '03:50:05 [content] Synced content',
      '\u001b[31mThe CMS at CMS_URL=http://cms answered 404 to GET http://cms/api/media/file/lost.png\u001b[39m',
      '  Stack trace:',
      '    at download (file:///site/src/loaders/media-loader.ts:80:11)',
      '',
      'astro build failed (exit 1); dist/ was left as it was',
      '[ELIFECYCLE] Command failed with exit code 1.',
    ].join('\n')
    expect(errorStart(failed(output)).split('\n')).toEqual([
      'The CMS at CMS_URL=http://cms answered 404 to GET http://cms/api/media/file/lost.png',
      '  Stack trace:',
      '    at download (file:///site/src/loaders/media-loader.ts:80:11)',
      '',
      'astro build failed (exit 1); dist/ was left as it was',
    ])
  })

  it('skips the pages rendered before a failure to the message', () => {
    const output = [
      '03:51:00 [build] generating static routes',
      '  ├─ /work/a/index.html (+12ms)',
      '  └─ /work/b/index.html (+9ms)',
      '[TypeError] Cannot read properties of undefined (reading "slug")',
      '  Location:',
      '    /site/src/views/CaseStudyView.astro:12:20',
      '  Stack trace:',
      '    at CaseStudyView',
    ].join('\n')
    expect(errorStart(failed(output))).toMatch(/^\[TypeError\] Cannot read properties/)
  })

  it('falls back to the first line saying what failed, or the last lines', () => {
    expect(errorStart(failed('03:50:04 [content] Syncing\nvite: build failed: out of memory\nbye'))).toBe(
      'vite: build failed: out of memory\nbye',
    )
    expect(errorStart(failed('one\ntwo'))).toBe('one\ntwo')
    expect(errorStart(new Error('could not start the site build: ENOENT'))).toBe(
      'could not start the site build: ENOENT',
    )
  })
})
