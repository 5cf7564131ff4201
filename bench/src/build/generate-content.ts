/**
 * Fills the CMS with generated case studies and services through Payload's Local API, up to the
 * totals in BENCH_CASE_STUDIES and BENCH_SERVICES (what exists already counts, so a second call only
 * adds the difference). Run with the CMS package's environment:
 *
 *   cd cms && BENCH_CASE_STUDIES=1000 BENCH_SERVICES=50 pnpm exec payload run ../bench/src/build/generate-content.ts
 *
 * Why the Local API: each create runs the same hooks, validation and version rows as an editor's
 * save, without an HTTP round trip, JSON encoding or a session lookup per document; REST would add
 * all three, and SQL inserts would skip the versions tables and hooks the site's reads depend on.
 */
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { caseStudyData, serviceData } from './content-text.ts'

const cmsDir = resolve(import.meta.dirname, '..', '..', '..', 'cms')
// This file lives outside the CMS package: resolve Payload and the config from there.
const payloadEntry = createRequire(join(cmsDir, 'package.json')).resolve('payload')
const { getPayload } = (await import(pathToFileURL(payloadEntry).href)) as {
  getPayload: (options: { config: unknown }) => Promise<LocalApi>
}
const config = (await import(pathToFileURL(join(cmsDir, 'src', 'payload.config.ts')).href)).default

type Doc = { id: number; slug?: string }
interface LocalApi {
  count: (options: { collection: string }) => Promise<{ totalDocs: number }>
  find: (options: Record<string, unknown>) => Promise<{ docs: Doc[] }>
  create: (options: Record<string, unknown>) => Promise<Doc>
  destroy: () => Promise<void>
}

const CONCURRENCY = 6
const target = {
  caseStudies: Number(process.env.BENCH_CASE_STUDIES ?? 1000),
  services: Number(process.env.BENCH_SERVICES ?? 50),
}

/** Runs `work(i)` for i in [from, to) with a few writes in flight (the pool has 10 connections). */
async function inParallel(
  from: number,
  to: number,
  work: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = from
  const worker = async () => {
    while (next < to) await work(next++)
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

const payload = await getPayload({ config })
try {
  const started = performance.now()
  // A few images shared by every generated document: the demo seed's media.
  const media = (await payload.find({ collection: 'media', pagination: false, depth: 0 })).docs.map(
    (d) => d.id,
  )
  if (media.length === 0) throw new Error('no media: run the demo seed first')

  const haveServices = (await payload.count({ collection: 'services' })).totalDocs
  await inParallel(haveServices, target.services, (index) =>
    payload.create({
      collection: 'services',
      depth: 0,
      data: { ...serviceData(index), icon: media[index % media.length], _status: 'published' },
    }),
  )
  const serviceIds = (await payload.find({ collection: 'services', pagination: false, depth: 0 })).docs.map(
    (d) => d.id,
  )
  const haveStudies = (await payload.count({ collection: 'case-studies' })).totalDocs
  await inParallel(haveStudies, target.caseStudies, (index) => {
    const image = media[index % media.length]
    return payload.create({
      collection: 'case-studies',
      depth: 0,
      data: {
        ...caseStudyData(index),
        services: [
          ...new Set([
            serviceIds[index % serviceIds.length],
            serviceIds[(index * 7 + 3) % serviceIds.length],
          ]),
        ],
        heroImage: image,
        // Most editors leave the SEO image empty, so the site generates those pages' Open Graph cards.
        ...(index % 10 === 0 ? { meta: { image } } : {}),
        _status: 'published',
      },
    })
  })
  const created = Math.max(0, target.services - haveServices) + Math.max(0, target.caseStudies - haveStudies)
  const seconds = (performance.now() - started) / 1000
  // One machine-readable line for the benchmark that runs this script.
  console.log(`BENCH_GENERATED ${JSON.stringify({ created, seconds })}`)
} finally {
  await payload.destroy()
}
