import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const run = uniqueSuffix()
const createdIds: number[] = []

const draftSlug = `test-draft-${run}`
const publishedSlug = `test-published-${run}`

async function createCaseStudy(data: { title: string; slug: string; _status: 'draft' | 'published' }) {
  const doc =
    data._status === 'draft'
      ? await payload.create({
          collection: 'case-studies',
          data: { summary: 'A test.', ...data },
          draft: true,
        })
      : await payload.create({ collection: 'case-studies', data: { summary: 'A test.', ...data } })
  createdIds.push(doc.id)
  return doc
}

beforeAll(async () => {
  payload = await startPayload()
  await createCaseStudy({ title: `Draft ${run}`, slug: draftSlug, _status: 'draft' })
  await createCaseStudy({ title: `Published ${run}`, slug: publishedSlug, _status: 'published' })
})

afterAll(async () => {
  if (!payload) return
  await payload.delete({ collection: 'case-studies', where: { id: { in: createdIds } } })
  await payload.destroy()
})

describe('case studies', () => {
  it('shows anonymous readers the published case study but not the draft', async () => {
    const { docs } = await payload.find({
      collection: 'case-studies',
      overrideAccess: false,
      where: { slug: { in: [draftSlug, publishedSlug] } },
    })
    expect(docs.map((doc) => doc.slug)).toEqual([publishedSlug])
  })

  it('shows a signed-in editor the draft as well', async () => {
    const editor = { id: 0, role: 'editor', email: 'reader@kairo.test', collection: 'users' } as const
    const { docs } = await payload.find({
      collection: 'case-studies',
      overrideAccess: false,
      user: editor,
      draft: true,
      where: { slug: { in: [draftSlug, publishedSlug] } },
      sort: 'slug',
    })
    expect(docs.map((doc) => doc.slug)).toEqual([draftSlug, publishedSlug])
  })

  it('refuses a second case study with a slug already in use, naming the field', async () => {
    const attempt = createCaseStudy({ title: 'Copycat', slug: publishedSlug, _status: 'published' })
    await expect(attempt).rejects.toMatchObject({
      name: 'ValidationError',
      data: {
        errors: [expect.objectContaining({ path: 'slug', message: expect.stringMatching(/unique/i) })],
      },
    })
  })

  it('derives the slug from the title when the slug is left empty', async () => {
    const doc = await createCaseStudy({ title: `Orbit Café ${run}`, slug: '', _status: 'published' })
    expect(doc.slug).toBe(`orbit-cafe-${run}`)
  })

  it('refuses a slug that is not lowercase kebab-case', async () => {
    const attempt = createCaseStudy({ title: 'Bad slug', slug: `Bad Slug ${run}`, _status: 'published' })
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationError' })
  })
})
