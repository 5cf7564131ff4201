import { describe, expect, it } from 'vitest'

import { changeIsPublic, publishedEdit, type SiteChange } from './request-site-rebuild.ts'

const drafted = { hasDrafts: true, draftArg: false } as const

describe('changeIsPublic', () => {
  it.each<[string, SiteChange, boolean]>([
    ['publish a new document', { ...drafted, event: 'create', status: 'published' }, true],
    ['create a draft', { ...drafted, event: 'create', draftArg: true, status: 'draft' }, false],
    ['create a draft without the draft flag', { ...drafted, event: 'create', status: 'draft' }, false],
    ['publish an existing draft', { ...drafted, event: 'update', status: 'published' }, true],
    [
      'publish with the draft flag set',
      { ...drafted, event: 'update', draftArg: true, status: 'published' },
      true,
    ],
    ['edit a published document', { ...drafted, event: 'update', status: 'published' }, true],
    ['save a draft (or autosave)', { ...drafted, event: 'update', draftArg: true, status: 'draft' }, false],
    ['unpublish (published to draft)', { ...drafted, event: 'update', status: 'draft' }, true],
    ['delete a published document', { ...drafted, event: 'delete', status: 'published' }, true],
    ['delete a never-published draft', { ...drafted, event: 'delete', status: 'draft' }, false],
    ['create a team member (no drafts)', { event: 'create', hasDrafts: false, draftArg: false }, true],
    ['update media (no drafts)', { event: 'update', hasDrafts: false, draftArg: false }, true],
    ['delete a redirect (no drafts)', { event: 'delete', hasDrafts: false, draftArg: false }, true],
  ])('%s → %s', (_name, change, expected) => {
    expect(changeIsPublic(change)).toBe(expected)
  })
})

describe('publishedEdit', () => {
  const published = { id: 7, _status: 'published' }
  it('is an edit of a published case study, service or page that stays published', () => {
    for (const collection of ['case-studies', 'services', 'pages'])
      expect(publishedEdit(collection, 'update', published)).toEqual({ collection, id: '7' })
  })

  it.each<[string, string, 'create' | 'update', Record<string, unknown>]>([
    ['a first publish on create', 'case-studies', 'create', published],
    ['an unpublish', 'case-studies', 'update', { id: 7, _status: 'draft' }],
    ['a move to the trash', 'pages', 'update', { ...published, deletedAt: '2026-12-04T10:00:00.000Z' }],
    ['a collection without pages of its own', 'media', 'update', published],
  ])('is not %s', (_name, collection, operation, doc) => {
    expect(publishedEdit(collection, operation, doc)).toBeUndefined()
  })
})
