/**
 * Key prefixes in `R2_MEDIA_BUCKET` (the contract with `./kairo backup` and the one-time move of
 * local files, tools/src/object-storage.ts): a media file `x.png` is `media/x.png`, a model source
 * `x.glb` is `model-sources/x.glb`. Image sizes sit beside their original.
 */
export const STORAGE_PREFIXES = { media: 'media', models: 'model-sources' } as const

/** The object key of an uploaded file of `collection` (`media` or `models`). */
export const storageKey = (collection: keyof typeof STORAGE_PREFIXES, filename: string): string =>
  `${STORAGE_PREFIXES[collection]}/${filename}`
