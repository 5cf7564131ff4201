import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PayloadLoaderError, payloadCollectionLoader } from '../src/loaders/payload-loader.ts'
import { type FixtureServer, startFixtureServer } from './fixture-server.ts'
import { createLoaderContext } from './loader-context.ts'

let cms: FixtureServer
beforeEach(async () => {
  cms = await startFixtureServer()
})
afterEach(async () => {
  await cms.close()
})

const loaderFor = (cmsUrl: string) => payloadCollectionLoader({ collection: 'case-studies', cmsUrl })

describe('payloadCollectionLoader', () => {
  it('makes one bulk request and stores the published entries by slug', async () => {
    const { context, entries, logs } = createLoaderContext()
    await loaderFor(cms.url).load(context)

    expect(cms.requests).toEqual([
      '/api/case-studies?where[_status][equals]=published&pagination=false&depth=0',
    ])
    expect([...entries.keys()].sort()).toEqual(['nebula-coffee', 'orbital-labs'])
    const orbital = entries.get('orbital-labs')
    expect(orbital?.data).toMatchObject({ title: 'Orbital Labs launch site', slug: 'orbital-labs' })
    expect(orbital?.data).not.toHaveProperty('body')
    expect(orbital?.digest).toEqual(expect.any(String))
    expect(logs.join('\n')).toMatch(/1 request/)
    expect(logs.join('\n')).toMatch(/2 entries: 2 changed/)
  })

  it('leaves the draft out because the query asks the CMS for published documents only', async () => {
    const { context, entries } = createLoaderContext()
    await loaderFor(cms.url).load(context)
    expect(entries.has('secret-draft')).toBe(false)
  })

  it('renders the rich-text body to safe HTML', async () => {
    const { context, entries } = createLoaderContext()
    await loaderFor(cms.url).load(context)
    const html = entries.get('orbital-labs')?.rendered?.html ?? ''
    expect(html).toContain('<h2>The brief</h2>')
    expect(html).toContain('<strong>close</strong> &lt;and&gt; safe.')
    expect(html).not.toContain('javascript:')
  })

  it('on a second run re-parses only changed entries and deletes the ones that are gone', async () => {
    const { context, entries, parsed, logs, meta } = createLoaderContext()
    const loader = loaderFor(cms.url)
    await loader.load(context)
    parsed.length = 0

    const [first, second] = cms.docs
    if (!first || !second) throw new Error('fixture needs two docs')
    cms.docs = [{ ...first, title: 'Orbital Labs, relaunched', updatedAt: '2026-11-20T00:00:00.000Z' }]
    await loader.load(context)

    expect(cms.requests).toHaveLength(2)
    expect(parsed).toEqual(['orbital-labs'])
    expect(entries.get('orbital-labs')?.data).toMatchObject({ title: 'Orbital Labs, relaunched' })
    expect(entries.has(String(second.slug))).toBe(false)
    expect(meta.get('newest-updated-at')).toBe('2026-11-20T00:00:00.000Z')
    expect(logs.at(-1)).toBe('case-studies: 1 entries: 1 changed, 0 unchanged, 1 removed')

    parsed.length = 0
    await loader.load(context)
    expect(parsed).toEqual([])
    expect(logs.at(-1)).toMatch(/0 changed, 1 unchanged, 0 removed \(nothing newer than/)
  })

  it('fails with a message naming CMS_URL when the CMS answers 500', async () => {
    cms.failWith = 500
    const { context } = createLoaderContext()
    const error = await loaderFor(cms.url)
      .load(context)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PayloadLoaderError)
    expect((error as Error).message).toBe(
      `The CMS at CMS_URL=${cms.url} answered 500 Internal Server Error to GET ${cms.url}/api/case-studies?where[_status][equals]=published&pagination=false&depth=0`,
    )
    expect((error as Error).stack).not.toMatch(/\n\s+at /)
  })

  it('fails with a message naming CMS_URL when the CMS is unreachable', async () => {
    const deadUrl = cms.url
    await cms.close()
    const { context } = createLoaderContext()
    await expect(loaderFor(deadUrl).load(context)).rejects.toThrow(
      new RegExp(`^Cannot reach the CMS at CMS_URL=${deadUrl} .*ECONNREFUSED.*Is the CMS running\\?$`),
    )
    cms = await startFixtureServer() // afterEach closes it
  })

  it('offline, makes no request and keeps what is stored', async () => {
    const { context, entries, logs } = createLoaderContext()
    await payloadCollectionLoader({ collection: 'case-studies', cmsUrl: cms.url, offline: true }).load(
      context,
    )
    expect(cms.requests).toEqual([])
    expect(entries.size).toBe(0)
    expect(logs).toEqual(['case-studies: offline, CMS not read; keeping 0 stored entries'])
  })

  it('rejects a body that is not a Payload list, and unsafe slugs', async () => {
    const first = cms.docs[0]
    if (!first) throw new Error('fixture needs a doc')
    cms.docs = [{ ...first, slug: '../admin' }]
    const { context } = createLoaderContext()
    await expect(loaderFor(cms.url).load(context)).rejects.toThrow(
      /unexpected body.*slug must be lower-case/s,
    )
  })
})
