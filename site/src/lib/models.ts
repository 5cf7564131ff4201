import { z } from 'astro/zod'

// The site's view of a `models` document (cms: collection `models`, manifest from
// @kairo/assets-pipeline, version 1). Only what the pages and islands use is kept; the loader
// (src/loaders/models-loader.ts) validates the CMS's answer against `modelDocSchema` and rewrites
// every file on the CMS origin to the site path it is copied to (`/models/<name>/<file>`).

/** A key of the pipeline's output: `models/<name>/<file>`, never leaving that folder. */
const KEY = /^models\/[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*\.(glb|avif|webp|ktx2)$/

const vec3 = z.tuple([z.number(), z.number(), z.number()])
const file = { key: z.string().regex(KEY, 'not a model file key'), url: z.string().min(1) }
const manifestSchema = z.looseObject({
  version: z.literal(1),
  bounds: z.object({ center: vec3, radius: z.number().positive() }),
  lods: z
    .array(
      z.looseObject({
        ...file,
        bytes: z.number().int().nonnegative(),
        triangles: z.number().int().nonnegative(),
        switchDistance: z.number().nonnegative(),
        decoders: z.array(z.enum(['draco', 'meshopt', 'basis'])),
      }),
    )
    .min(1),
  poster: z
    .object({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      background: z.string().regex(/^#[0-9a-f]{6}$/i),
      images: z
        .array(
          z.looseObject({
            ...file,
            type: z.enum(['image/avif', 'image/webp']),
            width: z.number().int().positive(),
            height: z.number().int().positive(),
          }),
        )
        .min(1),
    })
    .nullable(),
})

export const modelDocSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  alt: z.string().min(1),
  status: z.literal('ready'),
  manifest: manifestSchema,
  updatedAt: z.string(),
})
export type ModelDoc = z.output<typeof modelDocSchema>

const lod = z.object({
  src: z.string(),
  bytes: z.number(),
  triangles: z.number(),
  switchDistance: z.number(),
  decoders: z.array(z.enum(['draco', 'meshopt', 'basis'])),
})
/** A model entry as the content collection `models` stores it. */
export const modelSchema = z.object({
  title: z.string(),
  alt: z.string(),
  center: vec3,
  radius: z.number(),
  /** From most to least detailed, as in the manifest; the last is loaded first. */
  lods: z.array(lod),
  poster: z
    .object({
      width: z.number(),
      height: z.number(),
      background: z.string(),
      sources: z.array(
        z.object({ src: z.string(), type: z.string(), width: z.number(), height: z.number() }),
      ),
    })
    .nullable(),
})
export type ModelData = z.output<typeof modelSchema>
export type ModelLod = ModelData['lods'][number]

/** What an island gets as props: the model without its poster (the HTML has it already). */
export interface IslandModel {
  center: [number, number, number]
  radius: number
  background: string
  lods: ModelLod[]
}

export function islandModel(model: ModelData): IslandModel {
  return {
    center: model.center,
    radius: model.radius,
    background: model.poster?.background ?? '#0b0d12',
    lods: model.lods,
  }
}

/** The site path of a key (`models/<name>/<file>` → `/models/<name>/<file>`). */
export const sitePath = (key: string) => `/${key}`

/**
 * Where a manifest's file is read from and where pages find it. Every file is copied into the build
 * (`/models/<key>`), so the site never reads the CMS or the bucket at run time and its CSP stays
 * `'self'`: files the CMS serves (`<any origin>/api/model-assets/<key>`) are read from CMS_URL, as
 * the media loader does; any other absolute URL (R2's public base URL, the local S3 server) as it is.
 */
export function modelFileLocation(
  file: { key: string; url: string },
  cmsUrl: string,
): { fetch: string; src: string } {
  const url = new URL(file.url, cmsUrl)
  const fetch = url.pathname.startsWith('/api/model-assets/')
    ? new URL(`/api/model-assets/${file.key}`, cmsUrl).href
    : url.href
  return { fetch, src: sitePath(file.key) }
}

/** The entry the `models` collection stores for a validated document (file URLs already mapped). */
export function modelEntry(doc: ModelDoc, srcOf: (file: { key: string; url: string }) => string): ModelData {
  const { manifest } = doc
  return {
    title: doc.title,
    alt: doc.alt,
    center: manifest.bounds.center,
    radius: manifest.bounds.radius,
    lods: manifest.lods.map((level) => ({
      src: srcOf(level),
      bytes: level.bytes,
      triangles: level.triangles,
      switchDistance: level.switchDistance,
      decoders: level.decoders,
    })),
    poster: manifest.poster && {
      width: manifest.poster.width,
      height: manifest.poster.height,
      background: manifest.poster.background,
      sources: manifest.poster.images.map((image) => ({
        src: srcOf(image),
        type: image.type,
        width: image.width,
        height: image.height,
      })),
    },
  }
}
