import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'
import { readSiteEnv } from './lib/env.ts'
import { modelSchema } from './lib/models.ts'
import { mediaSchema, relation, seo, text } from './lib/schemas.ts'
import { payloadMediaLoader } from './loaders/media-loader.ts'
import { payloadModelsLoader } from './loaders/models-loader.ts'
import { payloadGlobalLoader } from './loaders/payload-global-loader.ts'
import { payloadCollectionLoader } from './loaders/payload-loader.ts'
import { ROUTABLE_COLLECTIONS } from './loaders/routable-collections.ts'

const { cmsUrl, contentOffline: offline } = readSiteEnv()

// The routable documents' reads and schemas (src/loaders/routable-collections.ts) are shared with
// draft preview and the fast publisher.
const { 'case-studies': caseStudyReads, services: serviceReads, pages: pageReads } = ROUTABLE_COLLECTIONS
const caseStudies = defineCollection({
  loader: payloadCollectionLoader({
    collection: 'case-studies',
    cmsUrl,
    offline,
    query: caseStudyReads.query,
  }),
  schema: caseStudyReads.schema,
})

const services = defineCollection({
  loader: payloadCollectionLoader({ collection: 'services', cmsUrl, offline, query: serviceReads.query }),
  schema: serviceReads.schema,
})

const pages = defineCollection({
  loader: payloadCollectionLoader({ collection: 'pages', cmsUrl, offline, query: pageReads.query }),
  schema: pageReads.schema,
})

const teamMembers = defineCollection({
  loader: payloadCollectionLoader({
    collection: 'team-members',
    cmsUrl,
    offline,
    query: 'pagination=false&depth=1',
    key: 'id',
  }),
  schema: z.object({
    name: z.string(),
    role: z.string(),
    bio: text,
    portrait: relation,
    order: z.number().nullish(),
  }),
})

const testimonials = defineCollection({
  loader: payloadCollectionLoader({
    collection: 'testimonials',
    cmsUrl,
    offline,
    query: 'pagination=false&depth=1',
    key: 'id',
  }),
  schema: z.object({ quote: z.string(), person: z.string(), company: text, caseStudy: relation }),
})

const media = defineCollection({
  loader: payloadMediaLoader({ cmsUrl, offline }),
  schema: mediaSchema,
})

// 3D models (ready ones), keyed by id; their files are copied into the build (src/lib/models.ts).
const models = defineCollection({
  loader: payloadModelsLoader({ cmsUrl, offline }),
  schema: modelSchema,
})

const link = z.looseObject({
  type: z.string().nullish(),
  reference: z.object({ relationTo: z.string(), value: relation }).nullish(),
  url: z.string().nullish(),
  label: z.string(),
})
const siteSettings = defineCollection({
  loader: payloadGlobalLoader({ global: 'site-settings', cmsUrl, offline }),
  schema: z.object({
    siteName: z.string().nullish(),
    navigation: z.array(z.object({ link })).nullish(),
    footerText: z.string().nullish(),
    socialLinks: z.array(z.object({ platform: z.string(), url: z.string() })).nullish(),
    contactEmail: z.string().nullish(),
    // The optional field Core Web Vitals beacon (src/lib/vitals.ts); absent or off: no script.
    fieldVitals: z.object({ enabled: z.boolean().nullish(), sampleRate: z.number().nullish() }).nullish(),
    seoDefaults: seo,
  }),
})

// Redirects editors manage; src/pages/[rules].ts writes them to `_redirects` for the static host.
const redirects = defineCollection({
  loader: payloadCollectionLoader({
    collection: 'redirects',
    cmsUrl,
    offline,
    query: 'pagination=false&depth=0',
    key: 'id',
  }),
  schema: z.object({
    from: z.string(),
    to: z.looseObject({
      type: z.string().nullish(),
      reference: z.object({ relationTo: z.string(), value: relation }).nullish(),
      url: z.string().nullish(),
    }),
    statusCode: z.enum(['301', '302']),
  }),
})

export const collections = {
  caseStudies,
  services,
  pages,
  teamMembers,
  testimonials,
  media,
  models,
  siteSettings,
  redirects,
}
