/** What an untrusted model may ask of the pipeline before it is refused. */
export interface InputLimits {
  /** The model file plus every file it references, in bytes. */
  maxModelBytes: number
  /** Pixels in one texture (width × height). */
  maxTexturePixels: number
  /** Either side of one texture, in pixels. */
  maxTextureSide: number
  /** Encoded bytes of one texture image. */
  maxTextureBytes: number
  /**
   * Bytes the model's geometry takes once decoded (every accessor, and every meshopt-compressed
   * buffer view), computed from the JSON before anything is decoded: a few megabytes of Draco can
   * declare gigabytes of vertices.
   */
  maxGeometryBytes: number
}

export const DEFAULT_LIMITS: InputLimits = {
  maxModelBytes: 128 * 1024 * 1024,
  maxTexturePixels: 4096 * 4096,
  maxTextureSide: 8192,
  maxTextureBytes: 32 * 1024 * 1024,
  // A 10-million-triangle scan with normals and UVs decodes to about 450 MB.
  maxGeometryBytes: 512 * 1024 * 1024,
}
