/**
 * The decoders' worker scripts, relative to the decoders' folder (`/decoders/r<rev>/`). The build
 * writes them (src/integrations/decoder-workers.ts): each is three's own worker code for its loader
 * with the decoder's Emscripten glue, the same text three's loaders would put in a blob: URL. As
 * files on the site's origin they carry their own CSP (a blob: worker inherits the page's, which
 * then had to allow `'unsafe-eval'` for the Basis glue).
 */
export const DECODER_WORKERS = {
  draco: 'draco/gltf/draco_worker.js',
  basis: 'basis/basis_worker.js',
} as const
