import { describe, expect, it } from 'vitest'

import { type BuildRow, documentSiteState } from './document-status.ts'

const publishedAt = '2026-12-04T10:00:00.000Z'
const build = (status: BuildRow['status'], startedAt: string | null, id = 1): BuildRow => ({
  id,
  status,
  summary: 'case study “Orbital Labs” published',
  queuedAt: startedAt ?? '2026-12-04T10:00:01.000Z',
  startedAt,
  finishedAt: status === 'live' || status === 'failed' ? '2026-12-04T10:00:30.000Z' : null,
})

describe('documentSiteState', () => {
  it('is live from the end of the first build that started after the publish', () => {
    const state = documentSiteState(publishedAt, [
      build('live', '2026-12-04T10:00:03.000Z'),
      build('failed', '2026-12-04T10:05:00.000Z', 2),
    ])
    expect(state).toMatchObject({ state: 'live', liveAt: '2026-12-04T10:00:30.000Z' })
  })

  it('waits for a build that started before the publish: it read the CMS too early', () => {
    expect(documentSiteState(publishedAt, [build('live', '2026-12-04T09:59:59.000Z')]).state).toBe(
      'not-built',
    )
    expect(
      documentSiteState(publishedAt, [
        build('building', '2026-12-04T09:59:59.000Z'),
        build('queued', null, 2),
      ]).state,
    ).toBe('queued')
  })

  it('follows the build that carries it: queued, building, failed', () => {
    expect(documentSiteState(publishedAt, [build('queued', null)]).state).toBe('queued')
    expect(documentSiteState(publishedAt, [build('building', '2026-12-04T10:00:03.000Z')]).state).toBe(
      'building',
    )
    const failed = documentSiteState(publishedAt, [build('failed', '2026-12-04T10:00:03.000Z')])
    expect(failed).toMatchObject({ state: 'failed', build: { status: 'failed' } })
  })

  it('says when only a draft exists', () => {
    expect(documentSiteState(undefined, [build('live', '2026-12-04T10:00:03.000Z')])).toEqual({
      state: 'unpublished',
    })
  })
})
