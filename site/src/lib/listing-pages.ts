/**
 * The words of the pages that have no CMS document of their own (the listings and the contact
 * page): their heading block and their share card read them from here, so the two cannot drift.
 */
export interface ListingCopy {
  /** The `<title>` and the share card's eyebrow. */
  title: string
  /** The meta description. */
  description: string
  eyebrow: string
  heading: string
  lede: string
}

export const LISTING_PAGES = {
  services: {
    title: 'Services',
    description: 'What the studio does: websites, interactive 3D and the systems behind them.',
    eyebrow: 'Services',
    heading: 'What we do',
    lede: 'Static-first websites, interactive 3D and the content systems behind them.',
  },
  work: {
    title: 'Work',
    description: 'Case studies: websites and interactive 3D the studio has shipped.',
    eyebrow: 'Work',
    heading: 'Selected work',
    lede: 'Sites we designed and built, and what they changed.',
  },
  contact: {
    title: 'Contact',
    description: 'Tell Kairo about your project: a site, a 3D experience, or both.',
    eyebrow: 'Contact',
    heading: 'Tell us about your project',
    lede: 'A few lines are enough. We reply within two working days.',
  },
} as const satisfies Record<string, ListingCopy>
