import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { NodeIO } from '@gltf-transform/core'

import { makePlanet, type PlanetSpec } from './planet.ts'
import { makeSatellite } from './satellite.ts'

export { makePlanet, type PlanetSpec } from './planet.ts'
export { makeSatellite } from './satellite.ts'

/**
 * The demo studio's planets, generated in code (no third-party assets): distinct palettes, band
 * counts and rings, so each service's planet is recognisable in the orbit.
 */
export const DEMO_PLANETS: PlanetSpec[] = [
  {
    name: 'planet-aurum',
    roughness: 0.8,
    surface: {
      seed: 45,
      bands: 9,
      turbulence: 0.12,
      palette: [
        [120, 72, 20],
        [226, 168, 64],
        [250, 220, 150],
        [170, 110, 36],
      ],
    },
  },
  {
    name: 'planet-ember',
    roughness: 0.9,
    surface: {
      seed: 355,
      bands: 3,
      turbulence: 0.35,
      palette: [
        [60, 10, 14],
        [168, 36, 32],
        [232, 104, 64],
        [110, 20, 24],
      ],
    },
  },
  {
    name: 'planet-verdant',
    roughness: 0.85,
    surface: {
      seed: 140,
      bands: 5,
      turbulence: 0.25,
      palette: [
        [16, 60, 40],
        [52, 140, 84],
        [150, 210, 140],
        [30, 96, 70],
      ],
    },
    ring: { inner: 1.35, outer: 2.1, tint: [200, 230, 190], tilt: 0.45 },
  },
  {
    name: 'planet-cyanea',
    roughness: 0.6,
    surface: {
      seed: 190,
      bands: 13,
      turbulence: 0.08,
      palette: [
        [10, 60, 96],
        [40, 160, 200],
        [190, 240, 250],
        [20, 110, 150],
      ],
    },
  },
  {
    name: 'planet-orchid',
    roughness: 0.75,
    surface: {
      seed: 315,
      bands: 7,
      turbulence: 0.18,
      palette: [
        [70, 16, 70],
        [180, 60, 160],
        [240, 170, 220],
        [120, 30, 110],
      ],
    },
    ring: { inner: 1.25, outer: 1.7, tint: [250, 210, 240], tilt: -0.3 },
  },
]

/** The demo objects for case studies. */
export const DEMO_OBJECTS = [{ name: 'satellite-nova', make: () => makeSatellite('satellite-nova') }]

/** Every demo model's name (the `.glb` file's stem). */
export const DEMO_MODEL_NAMES = [...DEMO_PLANETS.map((p) => p.name), ...DEMO_OBJECTS.map((o) => o.name)]

/** One demo model as GLB bytes, by name. */
export async function demoModelGlb(name: string): Promise<Uint8Array> {
  const planet = DEMO_PLANETS.find((p) => p.name === name)
  const object = DEMO_OBJECTS.find((o) => o.name === name)
  const doc = planet ? await makePlanet(planet) : object ? await object.make() : null
  if (!doc) throw new Error(`no demo model "${name}"`)
  return new NodeIO().writeBinary(doc)
}

/** Writes every demo model as `<dir>/<name>.glb` and returns the paths (for the CLI or a benchmark). */
export async function writeDemoModels(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  for (const name of DEMO_MODEL_NAMES) {
    const file = join(dir, `${name}.glb`)
    await writeFile(file, await demoModelGlb(name))
    files.push(file)
  }
  return files
}
