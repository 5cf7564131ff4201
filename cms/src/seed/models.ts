/** One demo 3D model: generated in code by @kairo/assets-pipeline's demo module (`slug` is its name). */
export interface SeedModel {
  slug: string
  title: string
  alt: string
  /** The service whose planet it is, or the case study it belongs to. */
  serviceSlug?: string
  caseStudySlug?: string
}

/** A planet per demo service (HeroOrbit puts them in orbit) and the satellite of the Nova Orbital launch. */
export const seedModels: SeedModel[] = [
  {
    slug: 'planet-aurum',
    title: 'Aurum',
    alt: 'A golden planet wrapped in soft amber and cream bands',
    serviceSlug: 'exhibits-and-installations',
  },
  {
    slug: 'planet-ember',
    title: 'Ember',
    alt: 'A crimson planet streaked with broad orange storms',
    serviceSlug: 'launch-campaigns',
  },
  {
    slug: 'planet-verdant',
    title: 'Verdant',
    alt: 'A green planet circled by a wide, pale ring',
    serviceSlug: 'mission-data-interfaces',
  },
  {
    slug: 'planet-cyanea',
    title: 'Cyanea',
    alt: 'A cyan planet with fine, bright bands like a gas giant',
    serviceSlug: 'real-time-3d',
  },
  {
    slug: 'planet-orchid',
    title: 'Orchid',
    alt: 'A magenta planet with a narrow, tilted ring',
    serviceSlug: 'brand-and-identity',
  },
  {
    slug: 'satellite-nova',
    title: 'Nova Orbital satellite',
    alt: 'A small satellite: a gold-foil body, two blue solar wings and a white dish on top',
    caseStudySlug: 'first-light-nova-orbital',
  },
]
