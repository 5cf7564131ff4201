import { describe, expect, it } from 'vitest'
import { ancestorsOf, type PagePlace, pagePaths } from './page-paths.ts'

const pages: PagePlace[] = [
  { id: 1, slug: 'home', title: 'Home' },
  { id: 2, slug: 'about', title: 'About' },
  { id: 3, slug: 'studio', title: 'Studio' },
  // At depth 1 the parent arrives as a document; at depth 0 as an id.
  { id: 4, slug: 'team', title: 'Team', parent: { id: 3, slug: 'studio' } },
  { id: 5, slug: 'alumni', title: 'Alumni', parent: 4 },
  { id: 6, slug: 'history', title: 'History', parent: 2 },
  // Its parent (id 99) is a draft: not among the published pages.
  { id: 7, slug: 'orphan', title: 'Orphan', parent: 99 },
  // A loop the CMS would refuse.
  { id: 8, slug: 'loop-a', title: 'A', parent: 9 },
  { id: 9, slug: 'loop-b', title: 'B', parent: 8 },
  // The fixed pages keep their URL whatever their parent says.
  { id: 10, slug: 'contact', title: 'Contact', parent: 3 },
]

describe('pagePaths', () => {
  const paths = pagePaths(pages)

  it('puts a page under its parents, and the fixed pages at their own URLs', () => {
    expect(Object.fromEntries(paths)).toEqual({
      '1': '/',
      '2': '/about/',
      '3': '/studio/',
      '4': '/studio/team/',
      '5': '/studio/team/alumni/',
      '6': '/about/history/',
      '10': '/contact/',
    })
  })

  it('gives no URL to a page under an unpublished parent, or in a loop', () => {
    expect(paths.has('7')).toBe(false)
    expect(paths.has('8')).toBe(false)
    expect(paths.has('9')).toBe(false)
  })
})

describe('ancestorsOf', () => {
  const paths = pagePaths(pages)
  const page = (id: number) => pages.find((entry) => entry.id === id) as PagePlace

  it('lists the pages above one, from the top down, with their URLs', () => {
    expect(ancestorsOf(page(5), pages, paths)).toEqual([
      { title: 'Studio', href: '/studio/' },
      { title: 'Team', href: '/studio/team/' },
    ])
    expect(ancestorsOf(page(6), pages, paths)).toEqual([{ title: 'About', href: '/about/' }])
  })

  it('is empty for a page at the top', () => {
    expect(ancestorsOf(page(3), pages, paths)).toEqual([])
  })
})
