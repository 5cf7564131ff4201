import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'
import { readSiteEnv } from './lib/env.ts'
import { modelSchema } from './lib/models.ts'
import {
  caseStudySchema,
  mediaSchema,
  pageSchema,
  relation,
  seo,
  serviceSchema,
  text,
} from './lib/schemas.ts'
import { payloadMediaLoader } from './loaders/media-loader.ts'
import { payloadModelsLoader } from './loaders/models-loader.ts'
import { payloadGlobalLoader } from './loaders/payload-global-loader.ts'
import { payloadCollectionLoader } from './loaders/payload-loader.ts'

const { cmsUrl, contentOffline: offline } = readSiteEnv()
const PUBLISHED_DEPTH_1 = 'where[_status][equals]=published&pagination=false&depth=1'

// The routable documents' schemas live in src/lib/schemas.ts, shared with draft preview.
const caseStudies = defineCollection({
  loader: payloadCollectionLoader({ collection: 'case-studies', cmsUrl, offline }),
  schema: caseStudySchema,
})

const services = defineCollection({
  loader: payloadCollectionLoader({ collection: 'services', cmsUrl, offline, query: PUBLISHED_DEPTH_1 }),
  schema: serviceSchema,
})

const pages = defineCollection({
  loader: payloadCollectionLoader({ collection: 'pages', cmsUrl, offline, query: PUBLISHED_DEPTH_1 }),
  schema: pageSchema,
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
