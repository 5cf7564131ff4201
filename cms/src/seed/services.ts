import { doc, h2, p, type RichText } from './lexical.ts'

/** One demo service as the seed writes it (always published); `iconKey` names a seed image. */
export interface SeedService {
  title: string
  slug: string
  summary: string
  body: RichText
  iconKey: string
  order: number
}

/** What the demo studio offers: five services for clients in space science, aerospace and education. */
export const services: SeedService[] = [
  {
    title: 'Exhibits and installations',
    slug: 'exhibits-and-installations',
    summary:
      'Walk-through experiences for planetariums and science centres that make astronomical scale something you can feel.',
    iconKey: 'icon-exhibits',
    order: 10,
    body: doc(
      h2('From the brief to the opening night'),
      p(
        'We design the story, the interaction and the software, and we stay until the doors open: floor projections, touch tables and domes that run unattended for years.',
      ),
      p('Every exhibit ships with plain tools for the museum team to update its texts without calling us.'),
    ),
  },
  {
    title: 'Launch campaigns',
    slug: 'launch-campaigns',
    summary:
      'Countdown sites and mission pages for satellite and launch companies, built to stay fast when the whole industry is watching.',
    iconKey: 'icon-launch',
    order: 20,
    body: doc(
      h2('Ready for T-zero'),
      p(
        'A launch gets one day of attention. We build static, cacheable mission sites that hold a perfect performance score at forty times the usual traffic, and a CMS your team can publish from at four in the morning.',
      ),
    ),
  },
  {
    title: 'Mission data interfaces',
    slug: 'mission-data-interfaces',
    summary:
      'Dashboards for operators and scientists: orbital passes, telemetry and contact windows on calm, legible screens.',
    iconKey: 'icon-data',
    order: 30,
    body: doc(
      h2('Designed for the night shift'),
      p(
        'We sit with the operators first. The result is an interface that shows the next thing that matters, escalates in steps instead of flashing, and works from the keyboard.',
      ),
    ),
  },
  {
    title: 'Real-time 3D',
    slug: 'real-time-3d',
    summary:
      'Spacecraft, planets and instruments anyone can turn in the browser, loading light first and in detail only when there is room.',
    iconKey: 'icon-3d',
    order: 40,
    body: doc(
      h2('Detail without the wait'),
      p(
        'We prepare models in levels of detail with compressed geometry and textures, show a poster image first, and bring in the interactive scene only when the device can afford it.',
      ),
    ),
  },
  {
    title: 'Brand and identity',
    slug: 'brand-and-identity',
    summary:
      'Names, marks and visual systems for space ventures that need to look credible to engineers and investors alike.',
    iconKey: 'icon-brand',
    order: 50,
    body: doc(
      h2('A look that survives the clean room'),
      p(
        'Identities that work on a mission patch, a pitch deck and a satellite panel: restrained palettes, precise type and marks that read at any size.',
      ),
    ),
  },
]
