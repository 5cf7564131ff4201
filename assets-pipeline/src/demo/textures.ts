import sharp from 'sharp'

import { wrappingNoise } from './noise.ts'

export type Rgb = readonly [number, number, number]

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]

/** The colour at `t` (0–1) along a palette of evenly spaced stops. */
function ramp(palette: readonly Rgb[], t: number): Rgb {
  const scaled = Math.min(0.9999, Math.max(0, t)) * (palette.length - 1)
  const index = Math.floor(scaled)
  return mix(palette[index] as Rgb, (palette[index + 1] ?? palette[index]) as Rgb, scaled - index)
}

async function png(width: number, height: number, channels: 3 | 4, pixels: Uint8Array): Promise<Uint8Array> {
  const data = await sharp(pixels, { raw: { width, height, channels } })
    .png({ compressionLevel: 9 })
    .toBuffer()
  return new Uint8Array(data)
}

export interface PlanetSurface {
  /** Colours from one band edge to the other. */
  palette: readonly Rgb[]
  seed: number
  /** Bands from pole to pole (gas giants: many; rocky worlds: few). */
  bands: number
  /** How much the noise bends the bands, 0–1. */
  turbulence: number
}

/**
 * An equirectangular colour map for a planet, drawn in code: latitude bands along a palette, bent by
 * wrapping value noise so the seam where the sphere closes is invisible.
 */
export async function planetTexture(surface: PlanetSurface, size = 256): Promise<Uint8Array> {
  const noise = wrappingNoise(surface.seed, 8)
  const detail = wrappingNoise(surface.seed + 101, 32)
  const pixels = new Uint8Array(size * size * 3)
  for (let y = 0; y < size; y++) {
    const v = y / (size - 1)
    for (let x = 0; x < size; x++) {
      const u = x / size
      const warp = (noise(u, v) - 0.5) * surface.turbulence
      const band = 0.5 + 0.5 * Math.sin((v + warp) * Math.PI * surface.bands)
      const grain = (detail(u, v, 3) - 0.5) * 0.35
      const [r, g, b] = ramp(surface.palette, band + grain)
      const offset = (y * size + x) * 3
      pixels[offset] = r
      pixels[offset + 1] = g
      pixels[offset + 2] = b
    }
  }
  return png(size, size, 3, pixels)
}

/** A ring's colour map: radial stripes of varying density across the width (u runs inner → outer edge). */
export async function ringTexture(tint: Rgb, seed: number, width = 256, height = 8): Promise<Uint8Array> {
  const noise = wrappingNoise(seed, 16)
  const pixels = new Uint8Array(width * height * 4)
  for (let x = 0; x < width; x++) {
    const u = x / (width - 1)
    const density = noise(u, 0.5, 4)
    const edge = Math.min(1, u * 12, (1 - u) * 12)
    const alpha = Math.round(255 * edge * (0.25 + 0.75 * density ** 1.5))
    const shade = 0.7 + 0.3 * density
    for (let y = 0; y < height; y++) {
      const offset = (y * width + x) * 4
      pixels[offset] = tint[0] * shade
      pixels[offset + 1] = tint[1] * shade
      pixels[offset + 2] = tint[2] * shade
      pixels[offset + 3] = alpha
    }
  }
  return png(width, height, 4, pixels)
}

/** A tiled texture for hardware: a grid of cells (solar panels) or a crinkled foil (insulation). */
export async function panelTexture(kind: 'solar' | 'foil', seed: number, size = 128): Promise<Uint8Array> {
  const noise = wrappingNoise(seed, 16)
  const pixels = new Uint8Array(size * size * 3)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const n = noise(x / size, y / size, 4)
      let colour: Rgb
      if (kind === 'solar') {
        const line = x % 16 === 0 || y % 16 === 0
        colour = line ? [170, 180, 196] : mix([18, 32, 86], [44, 70, 150], n)
      } else {
        colour = mix([120, 86, 22], [236, 196, 92], n ** 0.7)
      }
      const offset = (y * size + x) * 3
      pixels[offset] = colour[0]
      pixels[offset + 1] = colour[1]
      pixels[offset + 2] = colour[2]
    }
  }
  return png(size, size, 3, pixels)
}
