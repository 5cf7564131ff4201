import { describe, expect, it } from 'vitest'
import { LISTING_URLS, MAX_FAST_PAGES, renderPlan } from './plan.ts'

const keys = (entries: Array<[string, string]>) => new Map(entries)

describe('renderPlan', () => {
  const before = keys([
    ['/work/a/', 'a1'],
    ['/work/b/', 'b1'],
    ['/services/web/', 's1'],
  ])

  it('renders the pages whose key changed, then the listings', () => {
    const after = keys([
      ['/work/a/', 'a2'],
      ['/work/b/', 'b1'],
      ['/services/web/', 's2'],
    ])
    expect(renderPlan(before, after)).toEqual({
      ok: true,
      urls: ['/work/a/', '/services/web/', ...LISTING_URLS],
    })
  })

  it('leaves an edit that adds or removes a page to the full build', () => {
    const moved = keys([
      ['/work/a-renamed/', 'a2'],
      ['/work/b/', 'b1'],
      ['/services/web/', 's1'],
    ])
    expect(renderPlan(before, moved)).toEqual({
      ok: false,
      reason: 'the edit moves pages (/work/a/, /work/a-renamed/)',
    })
  })

  it('leaves an edit that reaches many pages to the full build', () => {
    const many = Array.from({ length: MAX_FAST_PAGES + 1 }, (_, i): [string, string] => [
      `/work/${i}/`,
      'old',
    ])
    const changed = many.map(([url]): [string, string] => [url, 'new'])
    expect(renderPlan(keys(many), keys(changed))).toEqual({
      ok: false,
      reason: `the edit changes ${MAX_FAST_PAGES + 1} pages; the full build renders them`,
    })
  })
})
