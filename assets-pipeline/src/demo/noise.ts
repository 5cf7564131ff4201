/** A small deterministic PRNG (mulberry32): the same seed always draws the same planet. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Value noise on a grid that wraps horizontally (`period` cells around), so a texture made from it
 * has no seam where the sphere's UVs meet. Returns fractal noise in [0, 1] over `octaves`.
 */
export function wrappingNoise(
  seed: number,
  period: number,
): (u: number, v: number, octaves?: number) => number {
  const next = random(seed)
  const rows = period * 2 + 1
  const tables = Array.from({ length: 6 }, (_, octave) => {
    const width = period << octave
    return { width, values: Float32Array.from({ length: width * (rows << octave) }, next) }
  })
  const smooth = (t: number) => t * t * (3 - 2 * t)
  const sample = (octave: number, u: number, v: number) => {
    const { width, values } = tables[octave] as { width: number; values: Float32Array }
    const height = values.length / width
    const x = u * width
    const y = Math.min(v * (height - 1), height - 1.0001)
    const x0 = Math.floor(x)
    const y0 = Math.floor(y)
    const fx = smooth(x - x0)
    const fy = smooth(y - y0)
    const at = (ix: number, iy: number) => values[iy * width + (((ix % width) + width) % width)] ?? 0
    const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
    const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
    return top * (1 - fy) + bottom * fy
  }
  return (u, v, octaves = 4) => {
    let sum = 0
    let weight = 0
    for (let octave = 0; octave < Math.min(octaves, tables.length); octave++) {
      const amplitude = 0.5 ** octave
      sum += sample(octave, u, v) * amplitude
      weight += amplitude
    }
    return sum / weight
  }
}
