import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { withDraftPreview } from './admin-preview.ts'
import { verifyPreviewToken } from './token.ts'

const preview = {
  enabled: true,
  secret: 'a-preview-secret-of-at-least-32-chars!',
  siteUrl: 'http://site.test',
} as const
const collection = (slug: string): CollectionConfig => ({ slug, admin: { useAsTitle: 'title' }, fields: [] })
const args = { locale: 'en', req: {} as never, token: null }

describe('withDraftPreview', () => {
  it("gives the admin a signed link to the draft's page on the preview server", async () => {
    const config = withDraftPreview(preview)(collection('case-studies'))
    expect(config.admin?.useAsTitle).toBe('title')
    const href = await config.admin?.preview?.({ id: 12, slug: 'x' }, args)
    const url = new URL(String(href))
    expect(`${url.origin}${url.pathname}`).toBe('http://site.test/preview/work/12')
    const token = url.searchParams.get('token')
    expect(verifyPreviewToken(token, { collection: 'case-studies', id: '12' }, preview.secret)).toEqual({
      ok: true,
    })
  })

  it('gives the live preview panel the same link, at phone, tablet and desktop widths', async () => {
    const config = withDraftPreview(preview)(collection('services'))
    const live = config.admin?.livePreview
    if (typeof live?.url !== 'function') throw new Error('no live preview URL function')
    const liveArgs = { data: { id: 3 }, locale: { code: 'en', label: 'English' }, req: {} } as never
    expect(await live.url(liveArgs)).toBe(await config.admin?.preview?.({ id: 3 }, args))
    expect(live.breakpoints?.map(({ width }) => width)).toEqual([375, 768, 1440])
    // Unsaved, there is no draft to show yet.
    expect(await live.url({ ...(liveArgs as object), data: {} } as never)).toBeUndefined()
  })

  it('routes services and pages by collection, and leaves other collections and unsaved documents alone', async () => {
    const services = withDraftPreview(preview)(collection('services'))
    expect(String(await services.admin?.preview?.({ id: 3 }, args))).toMatch(
      /^http:\/\/site\.test\/preview\/services\/3\?token=/,
    )
    const pages = withDraftPreview(preview)(collection('pages'))
    expect(String(await pages.admin?.preview?.({ id: 4 }, args))).toMatch(/\/preview\/pages\/4\?token=/)
    expect(await pages.admin?.preview?.({}, args)).toBeNull()
    expect(withDraftPreview(preview)(collection('media')).admin?.preview).toBeUndefined()
    expect(withDraftPreview({ enabled: false })(collection('pages')).admin?.preview).toBeUndefined()
    expect(withDraftPreview({ enabled: false })(collection('pages')).admin?.livePreview).toBeUndefined()
  })
})
