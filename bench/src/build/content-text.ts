/**
 * Generated benchmark content: varied, readable studio copy made from word banks by a seeded
 * sequence (the same index always gives the same document), with Lexical rich-text bodies of
 * headings, formatted paragraphs, lists, quotes and links, in the shape the admin's editor saves.
 */

const BODIES = [
  'Mercury',
  'Venus',
  'the Moon',
  'Mars',
  'Ceres',
  'Jupiter',
  'Europa',
  'Saturn',
  'Titan',
  'Uranus',
  'Neptune',
  'Pluto',
  'the Kuiper belt',
  'the Orion nebula',
  'Andromeda',
  'the Sun',
]
const FORMATS = [
  'an interactive exhibit',
  'a launch campaign',
  'a data dashboard',
  'a documentary website',
  'a classroom kit',
  'a dome show',
  'a configurator',
  'a mission-control display',
  'a museum guide app',
  'an annual report',
]
const CLIENT_FIRST = [
  'Orbital',
  'Nova',
  'Helio',
  'Perigee',
  'Apsis',
  'Zenith',
  'Lagrange',
  'Parsec',
  'Albedo',
]
const CLIENT_LAST = ['Labs', 'Observatory', 'Aerospace', 'Institute', 'Planetarium', 'Foundation', 'Systems']
const AUDIENCES = [
  'school groups',
  'families',
  'engineers',
  'investors',
  'amateur astronomers',
  'journalists',
]
const VERBS = ['map', 'walk through', 'steer', 'compare', 'listen to', 'rebuild', 'time-lapse']
const OUTCOMES = [
  ['average visit, up from two', 'min'],
  ['more newsletter sign-ups', '%'],
  ['countries reached in the first week', ''],
  ['of visitors finished the tour', '%'],
  ['faster page loads than the old site', '×'],
  ['press mentions at launch', ''],
] as const
const SERVICE_AREAS = [
  'Exhibits',
  'Websites',
  'Interactive 3D',
  'Data visualisation',
  'Motion design',
  'Brand systems',
  'Education',
  'Sound design',
  'Live events',
  'Research',
]
const SERVICE_QUALIFIERS = ['for museums', 'for startups', 'at scale', 'in the browser', 'for broadcast']

type Text = {
  type: 'text'
  text: string
  format: number
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}
type Element = { type: string; children: Array<Text | Element>; version: 1; [key: string]: unknown }

const BOLD = 1
const ITALIC = 2
const text = (value: string, format = 0): Text => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const base = { direction: 'ltr', format: '', indent: 0, version: 1 } as const
const h2 = (value: string): Element => ({ ...base, type: 'heading', tag: 'h2', children: [text(value)] })
const p = (...children: Array<Text | Element>): Element => ({
  ...base,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children,
})
const link = (label: string, url: string): Element => ({
  ...base,
  type: 'link',
  fields: { linkType: 'custom', url, newTab: false },
  children: [text(label)],
})
const list = (items: string[]): Element => ({
  ...base,
  type: 'list',
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  children: items.map((item, index) => ({
    ...base,
    type: 'listitem',
    value: index + 1,
    children: [text(item)],
  })),
})
const quote = (value: string): Element => ({ ...base, type: 'quote', children: [text(value)] })
const richText = (...children: Element[]) => ({ root: { ...base, type: 'root', children } })

/** A small deterministic generator (LCG), so runs produce the same content. */
function sequence(seed: number): <T>(items: readonly T[]) => T {
  let state = (seed * 2654435761) % 2147483648
  return <T>(items: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648
    return items[state % items.length] as T
  }
}

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1)

export function caseStudyData(index: number) {
  const pick = sequence(index + 1)
  const body = pick(BODIES)
  const format = pick(FORMATS)
  const client = `${pick(CLIENT_FIRST)} ${pick(CLIENT_LAST)}`
  const audience = pick(AUDIENCES)
  const verb = pick(VERBS)
  const title = `${capitalise(format.replace(/^an? /, ''))}: ${body} ${index + 1}`
  const year = 2012 + (index % 14)
  return {
    title,
    slug: `bench-${index + 1}-${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`,
    summary: `For ${client}, ${format} that lets ${audience} ${verb} ${body} at true scale, built in ${year} and still running.`,
    clientName: client,
    year,
    outcomes: [0, 1, 2].map((offset) => {
      const [label, unit] = OUTCOMES[(index + offset) % OUTCOMES.length] ?? OUTCOMES[0]
      return { value: `${3 + ((index * (offset + 7)) % 90)}${unit === '' ? '' : ` ${unit}`}`.trim(), label }
    }),
    body: richText(
      h2('The brief'),
      p(
        text(`${client} wanted ${audience} to understand ${body} the way its scientists do: `),
        text('as a place, not a picture', ITALIC),
        text(
          `. The existing material was a slideshow of ${pick(BODIES)} and ${pick(BODIES)} at the same size.`,
        ),
      ),
      h2('What we built'),
      p(
        text(`We designed ${format} where visitors ${verb} ${body} themselves. `),
        text('Every figure on screen comes from published mission data', BOLD),
        text(`, refreshed nightly, and the whole piece runs on one machine the ${client} team can restart.`),
      ),
      list([
        `A scale model of ${body} you can ${verb} by hand`,
        `Texts for ${audience}, reviewed by the ${client} science team`,
        'Offline mode for days when the network is down',
      ]),
      quote(`“People stay longer than we planned for, and they come back with questions about ${body}.”`),
      h2('Results'),
      p(
        text(`Within a year the project reached ${3 + (index % 40)} venues. Read the `),
        link('mission notes', `https://example.org/missions/${index + 1}`),
        text(' for the data behind it.'),
      ),
    ),
  }
}

export function serviceData(index: number) {
  const pick = sequence(1000 + index)
  const area = SERVICE_AREAS[index % SERVICE_AREAS.length] ?? 'Websites'
  const qualifier = SERVICE_QUALIFIERS[Math.floor(index / SERVICE_AREAS.length) % SERVICE_QUALIFIERS.length]
  const title = `${area} ${qualifier} ${index + 1}`
  return {
    title,
    slug: `bench-service-${index + 1}-${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`,
    summary: `${area} ${qualifier}: from the first sketch to a piece ${pick(AUDIENCES)} use every day.`,
    order: 100 + index,
    body: richText(
      h2('How we work'),
      p(
        text(`We start with what ${pick(AUDIENCES)} already know about ${pick(BODIES)}, `),
        text('then build the smallest thing that teaches the rest', BOLD),
        text('.'),
      ),
      list(['A discovery week with your team', 'Prototypes you can hold', 'Handover with plain tools']),
    ),
  }
}
