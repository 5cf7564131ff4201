import { describe, expect, it } from 'vitest'
import { listingOf, listingPageUrl, pageLinks, paginate } from './pagination.ts'

describe('paginate', () => {
  it('splits a list into pages of the given size, the last one shorter', () => {
    const pages = paginate(
      Array.from({ length: 50 }, (_, index) => index),
      24,
    )
    expect(pages.map(({ page, pages, items }) => [page, pages, items.length])).toEqual([
      [1, 3, 24],
      [2, 3, 24],
      [3, 3, 2],
    ])
    expect(pages[2]?.items).toEqual([48, 49])
  })

  it('gives an empty list its one empty page', () => {
    expect(paginate([], 24)).toEqual([{ page: 1, pages: 1, items: [] }])
  })
})

describe('page URLs', () => {
  it('puts the first page at the listing itself and the others under page/', () => {
    expect(listingPageUrl('/work/', 1)).toBe('/work/')
    expect(listingPageUrl('/work/', 7)).toBe('/work/page/7/')
    expect(listingOf('/work/page/7/')).toBe('/work/')
    expect(listingOf('/work/orbital-labs/')).toBe('/work/orbital-labs/')
  })
})

describe('pageLinks', () => {
  it('shows the first, the last and two either side of the current page, with gaps between', () => {
    expect(pageLinks(6, 417)).toEqual([1, null, 4, 5, 6, 7, 8, null, 417])
    expect(pageLinks(1, 417)).toEqual([1, 2, 3, null, 417])
    expect(pageLinks(417, 417)).toEqual([1, null, 415, 416, 417])
  })

  it('shows a single skipped page instead of a gap, and every page of a short listing', () => {
    expect(pageLinks(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10])
    expect(pageLinks(2, 4)).toEqual([1, 2, 3, 4])
    expect(pageLinks(1, 1)).toEqual([1])
  })
})
