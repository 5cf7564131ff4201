import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Cleanup } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await payload.delete({ collection: 'redirects', where: { from: { like: run } } })
  await payload.destroy()
})

async function page(slug: string, parent?: number) {
  const doc = await payload.create({
    collection: 'pages',
    data: { title: slug, slug, parent, _status: 'published' },
  })
  cleanup.add('pages', doc.id)
  return doc
}

/** Fails unless `write` is refused with a field error whose message matches `message`. */
async function expectRefused(write: Promise<unknown>, message: RegExp) {
  const error = await write.then(
    () => undefined,
    (reason: unknown) => reason as { message: string; data?: { errors?: Array<{ message: string }> } },
  )
  expect(error, 'the write was accepted').toBeDefined()
  expect([error?.message, ...(error?.data?.errors ?? []).map((e) => e.message)].join('\n')).toMatch(message)
}

const redirectsFrom = async (paths: string[]) =>
  (
    await payload.find({ collection: 'redirects', where: { from: { in: paths } }, depth: 0, sort: 'from' })
  ).docs.map((doc) => ({ from: doc.from, to: doc.to?.reference?.value }))

describe('pages under pages', () => {
  it('refuses a parent that would put a page under itself', async () => {
    const top = await page(`studio-${run}`)
    const child = await page(`team-${run}`, top.id)
    await expectRefused(
      payload.update({ collection: 'pages', id: top.id, data: { parent: child.id } }),
      /cannot sit under itself/,
    )
  })

  it('refuses a top-level page at a path the site already answers, and a parent for the fixed pages', async () => {
    await expectRefused(
      payload.create({ collection: 'pages', data: { title: 'Work', slug: 'work', _status: 'published' } }),
      /already has \/work\//,
    )
    const top = await page(`about-us-${run}`)
    await expectRefused(
      payload.create({
        collection: 'pages',
        data: { title: 'Contact', slug: 'contact', parent: top.id, _status: 'published' },
      }),
      /keeps its own URL/,
    )
  })

  it('leaves redirects at the old URLs of a published page and its subpages when it moves', async () => {
    const top = await page(`company-${run}`)
    const moved = await page(`people-${run}`, top.id)
    const below = await page(`jobs-${run}`, moved.id)
    // A draft of the move changes nothing yet: the live URL stays.
    await payload.update({
      collection: 'pages',
      id: moved.id,
      data: { slug: `crew-${run}`, parent: null },
      draft: true,
    })
    expect(await redirectsFrom([`/company-${run}/people-${run}`])).toEqual([])

    await payload.update({
      collection: 'pages',
      id: moved.id,
      data: { slug: `crew-${run}`, parent: null, _status: 'published' },
    })
    expect(
      await redirectsFrom([`/company-${run}/people-${run}`, `/company-${run}/people-${run}/jobs-${run}`]),
    ).toEqual([
      { from: `/company-${run}/people-${run}`, to: moved.id },
      { from: `/company-${run}/people-${run}/jobs-${run}`, to: below.id },
    ])

    // Moved back: the redirect from where it now is again goes; the other way round one appears.
    await payload.update({
      collection: 'pages',
      id: moved.id,
      data: { slug: `people-${run}`, parent: top.id, _status: 'published' },
    })
    expect(await redirectsFrom([`/company-${run}/people-${run}`, `/crew-${run}`])).toEqual([
      { from: `/crew-${run}`, to: moved.id },
    ])
  })
})
