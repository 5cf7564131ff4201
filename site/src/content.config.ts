import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'
import { readSiteEnv } from './lib/env.ts'
import { payloadMediaLoader } from './loaders/media-loader.ts'
import { payloadGlobalLoader } from './loaders/payload-global-loader.ts'
import { payloadCollectionLoader } from './loaders/payload-loader.ts'

const { cmsUrl, contentOffline: offline } = readSiteEnv()
const PUBLISHED_DEPTH_1 = 'where[_status][equals]=published&pagination=false&depth=1'

// Relations arrive as ids (depth 0) or documents (depth 1); pages resolve them through the
// collections below (src/lib/media.ts), so only published, loaded documents are ever linked.
const relation = z.unknown().optional()
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '')
const seo = z
  .object({ title: z.string().nullish(), description: z.string().nullish(), image: relation })
  .nullish()
const block = z.looseObject({ blockType: z.string() })

// Mirrors the CMS collection `case-studies`. The body is rendered to HTML by the loader and reached
// through `render(entry)`, so it is not part of `data`. The read stays at depth 0 (ids).
const caseStudies = defineCollection({
  loader: payloadCollectionLoader({ collection: 'case-studies', cmsUrl, offline }),
  schema: z.object({
    id: z.union([z.string(), z.number()]),
    title: z.string().min(1),
    slug: z.string(),
    summary: text,
    clientName: text,
    year: z.number().nullish(),
    services: z.array(relation).nullish(),
    heroImage: relation,
    outcomes: z.array(z.object({ value: z.string(), label: z.string() })).nullish(),
    meta: seo,
    createdAt: z.coerce.date().optional(),
    updatedAt: z.coerce.date(),
  }),
})

const services = defineCollection({
  loader: payloadCollectionLoader({ collection: 'services', cmsUrl, offline, query: PUBLISHED_DEPTH_1 }),
  schema: z.object({
    id: z.union([z.string(), z.number()]),
    title: z.string().min(1),
    slug: z.string(),
    summary: text,
    icon: relation,
    order: z.number().nullish(),
    meta: seo,
    updatedAt: z.coerce.date(),
  }),
})

// Blocks are rendered by src/components/blocks/ (rich text through the safe renderer there).
const pages = defineCollection({
  loader: payloadCollectionLoader({ collection: 'pages', cmsUrl, offline, query: PUBLISHED_DEPTH_1 }),
  schema: z.object({
    id: z.union([z.string(), z.number()]),
    title: z.string().min(1),
    slug: z.string(),
    hero: z.object({ heading: z.string().nullish(), text: z.string().nullish(), image: relation }).nullish(),
    layout: z.array(block).nullish(),
    meta: seo,
    updatedAt: z.coerce.date(),
  }),
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
  schema: z.object({
    alt: z.string(),
    variants: z.record(z.string(), z.object({ src: z.string(), width: z.number(), height: z.number() })),
  }),
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
  siteSettings,
  redirects,
}
