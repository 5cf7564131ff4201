import type { Page } from '../payload-types.ts'
import { doc, h2, p } from './lexical.ts'

/** Ids the pages point at, found or created earlier in the seed. */
export interface PageRefs {
  media: (key: string) => number
  model: (slug: string) => number
}

type SeedPage = Pick<Page, 'title' | 'slug' | 'hero' | 'layout' | 'meta'> & {
  /** The slug of the page this one sits under (seeded before it). */
  parentSlug?: string
}

/**
 * Home, about and contact of the demo studio, and a page under about (`/about/process/`), built from
 * the ids of the seeded media. Parents come before their subpages.
 */
export function pages(refs: PageRefs): SeedPage[] {
  return [
    {
      title: 'Home',
      slug: 'home',
      hero: {
        heading: 'We design for the space between planets.',
        text: 'Kairo is a small studio making exhibits, launch sites and mission software for people who work with the sky.',
        image: refs.media('hero-home'),
      },
      layout: [
        {
          blockType: 'serviceList',
          heading: 'What we do',
          intro: 'Five crafts, one team, from the first sketch to the opening night.',
          populateBy: 'all',
        },
        { blockType: 'caseStudyList', heading: 'Recent work', populateBy: 'latest', limit: 3 },
        {
          blockType: 'stats',
          heading: 'Since 2019',
          items: [
            { value: '24', label: 'projects launched' },
            { value: '11', label: 'planetariums and science centres' },
            { value: '3', label: 'satellites followed from countdown to first light' },
          ],
        },
        {
          blockType: 'quote',
          quote: 'We published first light from the CMS at four in the morning and the site simply kept up.',
          person: 'Kofi Mensah',
          role: 'Head of communications, Nova Orbital',
        },
        {
          blockType: 'cta',
          heading: 'Have something to launch?',
          text: 'Tell us about it. We answer every message within two working days.',
          links: [{ link: { type: 'custom', url: '/contact', label: 'Start a project' } }],
        },
      ],
      meta: {
        title: 'Kairo — a design studio for space and planets',
        description:
          'Exhibits, launch campaigns, mission interfaces and real-time 3D for people who work with the sky.',
        image: refs.media('hero-home'),
      },
    },
    {
      title: 'About',
      slug: 'about',
      hero: {
        heading: 'Three people, one telescope, too many browser tabs.',
        text: 'We started Kairo in 2019 to give space science the design it deserves.',
      },
      layout: [
        {
          blockType: 'richText',
          content: doc(
            h2('How we work'),
            p(
              'Every project starts with a week beside the people who will use what we make: planetarium guides, mission operators, launch teams. We prototype in the first fortnight and test with real visitors and real data before anything is polished.',
            ),
            p(
              'We keep the team small on purpose. The person you meet in the first workshop is the person who ships your project.',
            ),
          ),
        },
        {
          blockType: 'model3d',
          model: refs.model('satellite-nova'),
          caption:
            'The Nova Orbital satellite as we modelled it for its launch campaign: turn it to see the dish.',
        },
        {
          blockType: 'gallery',
          images: [
            { image: refs.media('hero-solar-walk'), caption: 'Walk the Solar System, City Planetarium' },
            { image: refs.media('hero-nova-orbital'), caption: 'First Light, Nova Orbital' },
            { image: refs.media('hero-orbit-desk'), caption: 'Orbit Desk, Northlight Ground Stations' },
          ],
        },
      ],
      meta: { description: 'Who we are and how we work: a small studio designing for space science.' },
    },
    {
      title: 'Our process',
      slug: 'process',
      parentSlug: 'about',
      hero: {
        heading: 'From a week on site to opening night',
        text: 'Four stages, the same small team throughout, and real visitors at every step.',
      },
      layout: [
        {
          blockType: 'richText',
          content: doc(
            h2('Listen'),
            p(
              'We spend the first week where the work will live: on the planetarium floor, in the mission room, beside the launch team. We leave with the questions visitors actually ask.',
            ),
            h2('Prototype'),
            p(
              'Within a fortnight there is something to touch: a rough exhibit, a clickable launch page, a first 3D model running on the oldest phone we can find.',
            ),
            h2('Test and ship'),
            p(
              'Every stage is tried with real visitors and real data before it is polished, and the person who ran the first workshop is the one who ships it.',
            ),
          ),
        },
        {
          blockType: 'stats',
          heading: 'In numbers',
          items: [
            { value: '1 week', label: 'on site before any design' },
            { value: '2 weeks', label: 'to the first working prototype' },
            { value: '3 people', label: 'on every project, start to finish' },
          ],
        },
      ],
      meta: {
        description:
          'How Kairo works: a week on site, a prototype in a fortnight, tested with real visitors.',
      },
    },
    {
      title: 'Contact',
      slug: 'contact',
      hero: {
        heading: 'Start a project',
        text: 'Tell us what you are launching, opening or building. We reply within two working days.',
      },
      layout: [
        {
          blockType: 'richText',
          content: doc(
            p(
              'Prefer email? Write to hello@kairo.studio. We are based in Lisbon and work with teams across Europe and beyond.',
            ),
          ),
        },
      ],
      meta: { description: 'Write to Kairo about an exhibit, a launch or a mission interface.' },
    },
  ]
}
