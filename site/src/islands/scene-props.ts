import type { IslandModel } from '../lib/models.ts'

/** A planet of the home page's orbit: a service's page and its model (null: a plain sphere). */
export interface OrbitPlanet {
  href: string
  model: IslandModel | null
}

/**
 * The islands and what each is given. The page writes them into the stage (`data-scene`,
 * `data-island-props` as JSON); the boot script hands them to the scene, in a worker or not.
 */
export interface ScenePropsByName {
  /** A case study's model to orbit (CaseStudyRoom). */
  room: { model: IslandModel }
  /** A service's planet, turning (ServicePlanet). */
  planet: { model: IslandModel }
  /** The services in orbit (HeroOrbit); the links stay in the page, outside the island. */
  orbit: { planets: OrbitPlanet[]; background: string }
  /** A dashboard deliverable: its manifest's absolute URL, read with the visitor's session. */
  deliverable: { manifest: string }
}

export type SceneName = keyof ScenePropsByName
export type SceneProps<Name extends SceneName = SceneName> = ScenePropsByName[Name]

export const SCENES: readonly SceneName[] = ['room', 'planet', 'orbit', 'deliverable']

/** Scenes the visitor turns and zooms with the pointer and the keyboard (the wheel is theirs). */
export const hasControls = (scene: SceneName): boolean => scene !== 'orbit'
