import type { Payload } from 'payload'

import { caseStudies, caseStudyDetails } from './case-studies.ts'
import { renderSeedImage, seedImages } from './images.ts'
import { seedModels } from './models.ts'
import { pages } from './pages.ts'
import { seedDemoModels } from './seed-models.ts'
import { services } from './services.ts'
import { siteSettings } from './site-settings.ts'
import { teamMembers, testimonials } from './studio.ts'

// Note: needed.sql beside this file tells the orchestrator when this seed has nothing left to do;
// change it together with what this seed creates.
export const DEMO_EDITOR = { email: 'editor@kairo.studio', password: 'kairo-editor-demo' } as const

/** What one seed run created, per collection (0 where it found content and left it alone). */
export interface SeedResult {
  users: number
  media: number
  models: number
  modelsProcessed: number
  modelLinks: number
  services: number
  caseStudies: number
  caseStudyDetails: number
  testimonials: number
  teamMembers: number
  pages: number
  siteSettings: number
}

/**
 * Seeds the demo studio. Idempotent per collection: a collection that already holds documents is
 * left alone, so a second run changes nothing and an editor's own content is never overwritten.
 * Media are found again by file name; case studies that exist without the newer fields (client,
 * year, services, hero image, outcomes) get them filled in. Logs what it did or skipped.
 */
export async function seed(payload: Payload): Promise<SeedResult> {
  const created: SeedResult = {
    users: 0,
    media: 0,
    models: 0,
    modelsProcessed: 0,
    modelLinks: 0,
    services: 0,
    caseStudies: 0,
    caseStudyDetails: 0,
    testimonials: 0,
    teamMembers: 0,
    pages: 0,
    siteSettings: 0,
  }
  const log = (message: string) => payload.logger.info(`seed: ${message}`)
  const isEmpty = async (
    collection: 'users' | 'services' | 'case-studies' | 'testimonials' | 'team-members' | 'pages',
  ) => (await payload.count({ collection })).totalDocs === 0

  if (await isEmpty('users')) {
    await payload.create({
      collection: 'users',
      data: { ...DEMO_EDITOR, name: 'Kairo Editor', role: 'admin' },
    })
    created.users = 1
    log(`created user ${DEMO_EDITOR.email}`)
  }

  // Media first: everything else points at it.
  const mediaIds = new Map<string, number>()
  for (const image of seedImages) {
    const filename = `${image.key}.png`
    const found = await payload.find({
      collection: 'media',
      where: { filename: { equals: filename } },
      limit: 1,
      depth: 0,
    })
    const existing = found.docs[0]
    if (existing) {
      mediaIds.set(image.key, existing.id)
      continue
    }
    const doc = await payload.create({
      collection: 'media',
      data: { alt: image.alt },
      file: await renderSeedImage(image),
    })
    mediaIds.set(image.key, doc.id)
    created.media++
  }
  const media = (key: string): number => {
    const id = mediaIds.get(key)
    if (id === undefined) throw new Error(`seed: no seed image "${key}"`)
    return id
  }

  // 3D models next (generated in code, processed inline): services, case studies and pages point at them.
  const models = await seedDemoModels(payload)
  created.models = models.created
  created.modelsProcessed = models.processed
  const modelFor = (key: 'serviceSlug' | 'caseStudySlug', slug: string): number | null => {
    const model = seedModels.find((m) => m[key] === slug)
    return model ? (models.ids.get(model.slug) ?? null) : null
  }
  const model = (slug: string): number => {
    const id = models.ids.get(slug)
    if (id === undefined) throw new Error(`seed: no seed model "${slug}"`)
    return id
  }

  if (await isEmpty('services')) {
    for (const { iconKey, ...service } of services) {
      await payload.create({
        collection: 'services',
        data: {
          ...service,
          icon: media(iconKey),
          model: modelFor('serviceSlug', service.slug),
          _status: 'published',
        },
      })
    }
    created.services = services.length
  }
  const serviceIds = new Map<string, number>()
  for (const doc of (await payload.find({ collection: 'services', pagination: false, depth: 0, draft: true }))
    .docs) {
    serviceIds.set(doc.slug, doc.id)
  }

  if (await isEmpty('case-studies')) {
    for (const study of caseStudies) {
      await payload.create({
        collection: 'case-studies',
        data: { ...study, model: modelFor('caseStudySlug', study.slug), _status: 'published' },
      })
    }
    created.caseStudies = caseStudies.length
  }
  // Give the demo services and case study their model where it is missing (seeded before models existed).
  for (const [collection, key] of [
    ['services', 'serviceSlug'],
    ['case-studies', 'caseStudySlug'],
  ] as const) {
    const slugs = seedModels.flatMap((m) => m[key] ?? [])
    const unlinked = await payload.find({
      collection,
      where: { and: [{ slug: { in: slugs } }, { model: { exists: false } }] },
      pagination: false,
      depth: 0,
    })
    for (const doc of unlinked.docs) {
      await payload.update({
        collection,
        id: doc.id,
        data: { model: modelFor(key, doc.slug), _status: 'published' },
      })
      created.modelLinks++
    }
  }

  // Fill the newer fields on the demo case studies that lack them (databases seeded before they existed).
  const studies = await payload.find({
    collection: 'case-studies',
    where: { slug: { in: Object.keys(caseStudyDetails) } },
    pagination: false,
    depth: 0,
  })
  for (const study of studies.docs) {
    const details = caseStudyDetails[study.slug]
    if (!details || study.clientName) continue
    const { serviceSlugs, heroImageKey, ...fields } = details
    await payload.update({
      collection: 'case-studies',
      id: study.id,
      data: {
        ...fields,
        services: serviceSlugs.flatMap((slug) => serviceIds.get(slug) ?? []),
        heroImage: media(heroImageKey),
        meta: { image: media(heroImageKey) },
        _status: 'published',
      },
    })
    created.caseStudyDetails++
  }

  if (await isEmpty('testimonials')) {
    const ids = new Map(studies.docs.map((doc) => [doc.slug, doc.id]))
    for (const { caseStudySlug, ...testimonial } of testimonials) {
      await payload.create({
        collection: 'testimonials',
        data: { ...testimonial, caseStudy: ids.get(caseStudySlug) ?? null },
      })
    }
    created.testimonials = testimonials.length
  }

  if (await isEmpty('team-members')) {
    for (const { portraitKey, ...member } of teamMembers) {
      await payload.create({ collection: 'team-members', data: { ...member, portrait: media(portraitKey) } })
    }
    created.teamMembers = teamMembers.length
  }

  if (await isEmpty('pages')) {
    const pageIds = new Map<string, number>()
    const seeded = pages({ media, model })
    for (const { parentSlug, ...page } of seeded) {
      const parent = parentSlug === undefined ? undefined : pageIds.get(parentSlug)
      const { id } = await payload.create({
        collection: 'pages',
        data: { ...page, parent, _status: 'published' },
      })
      pageIds.set(page.slug, id)
    }
    created.pages = seeded.length
  }

  // A global always "exists"; an empty site name means nobody has saved the settings yet.
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (!settings.siteName) {
    await payload.updateGlobal({ slug: 'site-settings', data: siteSettings(media('hero-home')) })
    created.siteSettings = 1
  }

  log(`created ${JSON.stringify(created)} (0 means the collection already had content)`)
  return created
}
