import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { actors, Cleanup } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()

const anonymously = { overrideAccess: false, user: undefined } as const

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await payload.destroy()
})

describe.each(['services', 'pages'] as const)('drafts of %s', (collection) => {
  const draftSlug = `draft-${collection}-${run}`
  const publishedSlug = `published-${collection}-${run}`
  let publishedId: number

  beforeAll(async () => {
    const extra = collection === 'services' ? { summary: 'A test.' } : {}
    const draft = await payload.create({
      collection,
      data: { title: 'Draft', slug: draftSlug, ...extra, _status: 'draft' },
      draft: true,
    })
    const published = await payload.create({
      collection,
      data: { title: 'Live title', slug: publishedSlug, ...extra, _status: 'published' },
    })
    publishedId = published.id
    cleanup.add(collection, draft.id)
    cleanup.add(collection, published.id)
    // A newer draft on top of the published version: readers must still get the published one.
    await payload.update({ collection, id: published.id, data: { title: 'Unpublished edit' }, draft: true })
  })

  it('hides a draft from anonymous readers, in lists and by id', async () => {
    const { docs } = await payload.find({
      collection,
      ...anonymously,
      where: { slug: { in: [draftSlug, publishedSlug] } },
    })
    expect(docs.map((doc) => doc.slug)).toEqual([publishedSlug])
    const byId = await payload.find({
      collection,
      ...anonymously,
      where: { slug: { equals: draftSlug } },
      draft: true,
    })
    expect(byId.docs).toEqual([])
  })

  it('shows anonymous readers the published version, not the newer draft', async () => {
    const doc = await payload.findByID({ collection, id: publishedId, ...anonymously })
    expect(doc.title).toBe('Live title')
    const asDraft = await payload
      .findByID({ collection, id: publishedId, ...anonymously, draft: true })
      .catch(() => null)
    expect(asDraft?.title).not.toBe('Unpublished edit')
  })

  it('shows an editor the newer draft', async () => {
    const doc = await payload.findByID({
      collection,
      id: publishedId,
      overrideAccess: false,
      user: actors.editor,
      draft: true,
    })
    expect(doc.title).toBe('Unpublished edit')
  })
})

describe('services', () => {
  it('refuses a second service with a slug already in use, naming the field', async () => {
    const slug = `unique-${run}`
    const first = await payload.create({
      collection: 'services',
      data: { title: 'First', slug, summary: 'A test.', _status: 'published' },
    })
    cleanup.add('services', first.id)
    const copy = payload.create({
      collection: 'services',
      data: { title: 'Copy', slug, summary: 'A test.', _status: 'published' },
    })
    await expect(copy).rejects.toMatchObject({
      name: 'ValidationError',
      data: {
        errors: [expect.objectContaining({ path: 'slug', message: expect.stringMatching(/unique/i) })],
      },
    })
  })

  it('publishes a draft when its scheduled publication job runs', async () => {
    const doc = await payload.create({
      collection: 'services',
      data: { title: 'Later', slug: `later-${run}`, summary: 'A test.', _status: 'draft' },
      draft: true,
    })
    cleanup.add('services', doc.id)
    // What the admin's "Schedule publish" does; here the time has already come.
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'services', value: doc.id } },
    })
    cleanup.add('payload-jobs', Number(job.id))
    expect(
      (await payload.findByID({ collection: 'services', id: doc.id, ...anonymously }).catch(() => null))
        ?.slug,
    ).toBeUndefined()

    await payload.jobs.runByID({ id: job.id })

    const live = await payload.findByID({ collection: 'services', id: doc.id, ...anonymously })
    expect(live).toMatchObject({ slug: `later-${run}`, _status: 'published' })
  })
})
