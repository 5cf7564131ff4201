import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { replaceSiteRebuilderForTests } from '../src/rebuild/index.ts'
import { Cleanup } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
let restore: () => void = () => undefined
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
// Every rebuild the CMS asks for, in order. The hooks call the rebuilder directly (no debounce here).
const requests: string[] = []

beforeAll(async () => {
  payload = await startPayload()
  restore = replaceSiteRebuilderForTests({
    name: 'recorder',
    request: async (reason) => void requests.push(reason),
  })
})

afterAll(async () => {
  restore()
  if (!payload) return
  await cleanup.run()
  await payload.destroy()
})

beforeEach(() => {
  requests.length = 0
})

describe('publishing asks for a site rebuild through the hooks', () => {
  let id: number

  it('does not rebuild for a new draft, a draft save or an autosave', async () => {
    const draft = await payload.create({
      collection: 'case-studies',
      data: { title: 'Draft', slug: `rebuild-${run}`, summary: 'Not yet.', _status: 'draft' },
      draft: true,
    })
    id = draft.id
    cleanup.add('case-studies', id)
    await payload.update({ collection: 'case-studies', id, data: { title: 'Draft 2' }, draft: true })
    await payload.update({
      collection: 'case-studies',
      id,
      data: { title: 'Draft 3' },
      draft: true,
      autosave: true,
    })
    expect(requests).toEqual([])
  })

  it('rebuilds when the case study is published', async () => {
    await payload.update({ collection: 'case-studies', id, data: { _status: 'published' } })
    expect(requests).toEqual(['case study “Draft 3” published'])
  })

  it('does not rebuild for a draft saved on top of the published version', async () => {
    await payload.update({ collection: 'case-studies', id, data: { title: 'Next edit' }, draft: true })
    expect(requests).toEqual([])
  })

  it('rebuilds when it is unpublished, and when a published one is deleted', async () => {
    await payload.update({ collection: 'case-studies', id, data: { _status: 'draft' } })
    expect(requests).toEqual([expect.stringMatching(/^case study “.+” unpublished$/)])
    await payload.update({ collection: 'case-studies', id, data: { _status: 'published' } })
    requests.length = 0
    await payload.delete({ collection: 'case-studies', id })
    expect(requests).toEqual([expect.stringMatching(/^case study “.+” deleted$/)])
  })

  it('does not rebuild when a never-published draft is deleted', async () => {
    const draft = await payload.create({
      collection: 'case-studies',
      data: { title: 'Gone', slug: `rebuild-gone-${run}`, summary: 'Never live.', _status: 'draft' },
      draft: true,
    })
    await payload.delete({ collection: 'case-studies', id: draft.id })
    expect(requests).toEqual([])
  })

  it('rebuilds for every change to a collection without drafts (team members)', async () => {
    const member = await payload.create({
      collection: 'team-members',
      data: { name: `Rebuild ${run}`, role: 'Tester' },
    })
    cleanup.add('team-members', member.id)
    expect(requests).toEqual([`team member “Rebuild ${run}” added`])
  })
})
