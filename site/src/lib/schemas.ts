import { z } from 'astro/zod'

// The shapes of the CMS's routable documents as the pages use them. The content collections
// (src/content.config.ts) parse the build's bulk reads with them, and draft preview
// (src/preview/) parses a single draft with the same schemas, so both reach the views alike.

// Relations arrive as ids (depth 0) or documents (depth 1); pages resolve them through the
// collections (src/lib/media.ts), so only published, loaded documents are ever linked.
export const relation = z.unknown().optional()
export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '')
export const seo = z
  .object({ title: z.string().nullish(), description: z.string().nullish(), image: relation })
  .nullish()
const block = z.looseObject({ blockType: z.string() })

// Mirrors the CMS collection `case-studies`. The body is rendered to HTML by the loader and reached
// through `render(entry)`, so it is not part of `data`. The read stays at depth 0 (ids).
export const caseStudySchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().min(1),
  slug: z.string(),
  summary: text,
  clientName: text,
  year: z.number().nullish(),
  services: z.array(relation).nullish(),
  heroImage: relation,
  /** A `models` document (its 3D scene, CaseStudyRoom), or nothing. */
  model: relation,
  outcomes: z.array(z.object({ value: z.string(), label: z.string() })).nullish(),
  /** The optional blocks after the body (the same set as a page's layout). */
  layout: z.array(block).nullish(),
  meta: seo,
  createdAt: z.coerce.date().optional(),
  updatedAt: z.coerce.date(),
})

export const serviceSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().min(1),
  slug: z.string(),
  summary: text,
  icon: relation,
  /** A `models` document (its planet, ServicePlanet and HeroOrbit), or nothing. */
  model: relation,
  order: z.number().nullish(),
  /** The optional blocks after the body (the same set as a page's layout). */
  layout: z.array(block).nullish(),
  meta: seo,
  updatedAt: z.coerce.date(),
})

// Blocks are rendered by src/components/blocks/ (rich text through the safe renderer there).
export const pageSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().min(1),
  slug: z.string(),
  /** The page it sits under (src/lib/page-paths.ts), or nothing. */
  parent: relation,
  hero: z.object({ heading: z.string().nullish(), text: z.string().nullish(), image: relation }).nullish(),
  layout: z.array(block).nullish(),
  meta: seo,
  updatedAt: z.coerce.date(),
})

// A media entry as the media loader stores it (src/lib/media.ts): an image's sized files, or a video's
// or captions file's own file; a video also names its poster (an image entry) and its captions.
export const mediaSchema = z.object({
  alt: z.string(),
  variants: z.record(z.string(), z.object({ src: z.string(), width: z.number(), height: z.number() })),
  file: z.object({ src: z.string().startsWith('/media/'), type: z.string() }).nullish(),
  poster: z.string().optional(),
  captions: z
    .array(z.object({ file: z.string(), language: z.string().min(2), label: z.string().min(1) }))
    .optional(),
})

export type CaseStudyData = z.output<typeof caseStudySchema>
export type ServiceData = z.output<typeof serviceSchema>
export type PageData = z.output<typeof pageSchema>
