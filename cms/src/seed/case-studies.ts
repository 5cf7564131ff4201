import { doc, h2, p, type RichText } from './lexical.ts'

/** One demo case study as the seed writes it (always published). */
export interface SeedCaseStudy {
  title: string
  slug: string
  summary: string
  body: RichText
}

/** The demo studio's portfolio: three projects from a creative studio working on space and planets. */
export const caseStudies: SeedCaseStudy[] = [
  {
    title: 'Walk the Solar System',
    slug: 'walk-the-solar-system',
    summary:
      'An interactive exhibit for a city planetarium: visitors scale the solar system to the size of the hall and walk from the Sun to Neptune in forty steps.',
    body: doc(
      h2('The brief'),
      p(
        'The planetarium wanted its new foyer to explain distance, the one thing a dome show struggles with. Every poster of the planets puts them side by side; the real gaps are what visitors never grasp.',
      ),
      h2('What we built'),
      p(
        'A forty-metre floor projection keeps the planets at true relative distance while a touch table lets visitors change the scale. At the smallest scale Earth is a grain of sand eleven metres from a football-sized Sun; pinch to zoom and the inner planets fit on one table while Neptune slides off the far wall.',
      ),
      p(
        'Each planet answers when someone stands on it: its day length, its year, and how long light from the Sun took to reach the spot under their feet.',
      ),
      h2('Results'),
      p(
        'Visitors now spend an average of nine minutes in the foyer, up from two, and school groups book the walk as a lesson of its own. The scale model runs on a single workstation and the planetarium updates its texts from a plain spreadsheet.',
      ),
    ),
  },
  {
    title: 'First Light for Nova Orbital',
    slug: 'first-light-nova-orbital',
    summary:
      'A launch campaign for a satellite startup: a live countdown site, a 3D model of the craft anyone could turn in the browser, and the first image from orbit shared within the hour.',
    body: doc(
      h2('The brief'),
      p(
        'Nova Orbital was launching its first Earth-observation satellite on a rideshare mission and had one chance to be noticed among twenty other payloads on the same rocket.',
      ),
      h2('What we built'),
      p(
        'A campaign site that followed the mission in three acts: the countdown, the deployment, and first light. The satellite itself was the hero, a lightweight 3D model that loads its detailed version only once the page is readable.',
      ),
      p(
        'When the first image came down from orbit, the team published it from the CMS and the static site rebuilt in under two minutes, without a developer awake at four in the morning.',
      ),
      h2('Results'),
      p(
        'The launch page held a perfect performance score through a traffic peak of forty times the usual load, and the first-light post became the startup’s most shared announcement.',
      ),
    ),
  },
  {
    title: 'Orbit Desk',
    slug: 'orbit-desk',
    summary:
      'An orbital-data dashboard for a ground-station operator: every pass of every tracked satellite on one calm screen, with the next contact window always in view.',
    body: doc(
      h2('The brief'),
      p(
        'Operators at a ground-station network were juggling six tools to answer one question: which satellite is coming over which antenna next, and is everything ready for it?',
      ),
      h2('What we built'),
      p(
        'Orbit Desk draws each antenna’s sky as a polar chart with the coming passes traced across it, and a timeline underneath that lines up contact windows across the whole network. Orbits are propagated in the browser from the latest two-line elements, so the view stays live even when the link to headquarters drops.',
      ),
      p(
        'We designed the screen for night shifts: a dark palette tuned for control rooms, alerts that escalate in steps instead of flashing, and every action reachable from the keyboard.',
      ),
      h2('Results'),
      p(
        'Missed contact windows fell to zero in the first quarter after roll-out, and new operators learn the desk in a single shift instead of a week.',
      ),
    ),
  },
]

/** The fields added to case studies after the walking skeleton, per case study slug. */
export interface SeedCaseStudyDetails {
  clientName: string
  year: number
  serviceSlugs: string[]
  heroImageKey: string
  outcomes: { value: string; label: string }[]
}

/** Client, year, services, hero image and outcome figures of the three demo case studies. */
export const caseStudyDetails: Record<string, SeedCaseStudyDetails> = {
  'walk-the-solar-system': {
    clientName: 'City Planetarium',
    year: 2025,
    serviceSlugs: ['exhibits-and-installations', 'real-time-3d'],
    heroImageKey: 'hero-solar-walk',
    outcomes: [
      { value: '9 min', label: 'average time in the foyer, up from two' },
      { value: '40 m', label: 'of floor at true relative distance' },
    ],
  },
  'first-light-nova-orbital': {
    clientName: 'Nova Orbital',
    year: 2026,
    serviceSlugs: ['launch-campaigns', 'real-time-3d', 'brand-and-identity'],
    heroImageKey: 'hero-nova-orbital',
    outcomes: [
      { value: '40×', label: 'usual traffic on launch day, no slowdown' },
      { value: '< 2 min', label: 'from publish to live for the first image' },
    ],
  },
  'orbit-desk': {
    clientName: 'Northlight Ground Stations',
    year: 2024,
    serviceSlugs: ['mission-data-interfaces'],
    heroImageKey: 'hero-orbit-desk',
    outcomes: [
      { value: '0', label: 'missed contact windows in the first quarter' },
      { value: '1 shift', label: 'for a new operator to learn the desk' },
    ],
  },
}
