import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'
import { readSiteEnv } from './lib/env.ts'
import { payloadCollectionLoader } from './loaders/payload-loader.ts'

const { cmsUrl, contentOffline } = readSiteEnv()

// Mirrors the CMS collection `case-studies` (title, slug, summary, body). The body is rendered to
// HTML by the loader and reached through `render(entry)`, so it is not part of `data`.
const caseStudies = defineCollection({
  loader: payloadCollectionLoader({ collection: 'case-studies', cmsUrl, offline: contentOffline }),
  schema: z.object({
    id: z.union([z.string(), z.number()]),
    title: z.string().min(1),
    slug: z.string(),
    summary: z
      .string()
      .nullish()
      .transform((value) => value ?? ''),
    updatedAt: z.coerce.date(),
  }),
})

export const collections = { caseStudies }
