import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { replaceSiteRebuilderForTests } from '../src/rebuild/index.ts'
import { purgeTrash, TRASH_DAYS } from '../src/trash/purge.ts'
import { Cleanup } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

// Deleting a case study moves it to the trash: gone from what the site reads, restorable, and the
// site rebuilt both times; after 30 days the nightly purge deletes it for good.
let payload: Payload
let restoreRebuilder: () => void = () => undefined
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const rebuilds: string[] = []
const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  payload = await startPayload()
  restoreRebuilder = replaceSiteRebuilderForTests({
    name: 'recorder',
    request: async (reason) => void rebuilds.push(reason),
  })
})

afterAll(async () => {
  restoreRebuilder()
  if (!payload) return
  await cleanup.run()
  await payload.delete({ collection: 'case-studies', where: { slug: { like: run } }, trash: true })
  await payload.destroy()
})

async function publishedStudy(name: string) {
  const doc = await payload.create({
    collection: 'case-studies',
    data: {
      title: `Trash ${name}`,
      slug: `trash-${name}-${run}`,
      summary: 'Here today.',
      _status: 'published',
    },
  })
  cleanup.add('case-studies', doc.id)
  return doc
}

/** What the site's build reads: published case studies, as an anonymous REST reader gets them. */
async function onTheSite(id: number): Promise<boolean> {
  const { docs } = await payload.find({
    collection: 'case-studies',
    where: { id: { equals: id }, _status: { equals: 'published' } },
    overrideAccess: false,
    depth: 0,
  })
  return docs.length === 1
}

describe('the trash', () => {
  it('takes a deleted case study off the site, keeps it restorable, and rebuilds both times', async () => {
    const study = await publishedStudy('restored')
    rebuilds.length = 0
    await payload.update({
      collection: 'case-studies',
      id: study.id,
      data: { deletedAt: new Date().toISOString() },
    })
    expect(await onTheSite(study.id)).toBe(false)
    const trashed = await payload.find({
      collection: 'case-studies',
      where: { id: { equals: study.id }, deletedAt: { exists: true } },
      trash: true,
    })
    expect(trashed.docs).toHaveLength(1)
    await payload.update({ collection: 'case-studies', id: study.id, data: { deletedAt: null }, trash: true })
    expect(await onTheSite(study.id)).toBe(true)
    expect(rebuilds).toEqual([
      `case study “Trash restored” moved to the trash`,
      `case study “Trash restored” restored from the trash`,
    ])
  })

  it(`deletes for good only what has waited over ${TRASH_DAYS} days`, async () => {
    const old = await publishedStudy('old')
    const recent = await publishedStudy('recent')
    const now = Date.now()
    await payload.update({
      collection: 'case-studies',
      id: old.id,
      data: { deletedAt: new Date(now - 31 * DAY).toISOString() },
    })
    await payload.update({
      collection: 'case-studies',
      id: recent.id,
      data: { deletedAt: new Date(now - 29 * DAY).toISOString() },
    })
    const purged = await purgeTrash(payload, now)
    expect(purged['case-studies']).toBeGreaterThanOrEqual(1)
    const left = await payload.find({
      collection: 'case-studies',
      where: { id: { in: [old.id, recent.id] } },
      trash: true,
      depth: 0,
    })
    expect(left.docs.map((doc) => doc.id)).toEqual([recent.id])
  })
})
