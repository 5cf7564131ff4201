import type { AutomationFlow } from './schema/index.ts'

// Demo content for a fresh install: a space-themed creative studio (Kairo) and two clients, Orbital
// Labs and Nadir Robotics (two, so signing in as each shows that a client sees only its own company).
// Dates are relative to the seed time so the dashboard always looks current.

const DAY = 24 * 60 * 60 * 1000

/** A date `days` from `now` (negative: in the past). */
export function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY)
}

export const demoCompany = { name: 'Orbital Labs', slug: 'orbital-labs' }
export const secondDemoCompany = { name: 'Nadir Robotics', slug: 'nadir-robotics' }

export const demoUsers = {
  client: {
    email: 'client@orbital-labs.example',
    name: 'Mara Okafor',
    password: 'kairo-client-demo',
    role: 'client',
  },
  secondClient: {
    email: 'client@nadir-robotics.example',
    name: 'Ines Duarte',
    password: 'kairo-nadir-demo',
    role: 'client',
  },
  team: { email: 'team@kairo.studio', name: 'Theo Lindqvist', password: 'kairo-team-demo', role: 'admin' },
} as const

/**
 * A file the studio delivered: a row in `project_deliverables` with its version 1 in
 * `deliverable_versions`, and an object in R2 under `key`.
 */
export interface DemoDeliverable {
  title: string
  /** The R2 object key; its last segment is the download's file name. */
  key: string
  contentType: string
  deliveredDaysAgo: number
  /** Days from delivery to the client's approval; absent while it still waits for a decision. */
  approvedAfterDays?: number
  /** The file itself (small text formats, so the seed needs no binary assets). */
  body: string
}

function posterSvg(title: string, subtitle: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">',
    '<rect width="1200" height="800" fill="#070a1a"/>',
    '<circle cx="900" cy="260" r="180" fill="#8fd3ff" opacity=".35"/>',
    '<circle cx="880" cy="240" r="120" fill="#c7a6ff" opacity=".5"/>',
    `<text x="80" y="560" fill="#e8ecff" font-family="system-ui, sans-serif" font-size="64" font-weight="700">${title}</text>`,
    `<text x="80" y="630" fill="#aab3d9" font-family="system-ui, sans-serif" font-size="32">${subtitle}</text>`,
    '</svg>',
    '',
  ].join('\n')
}

const KEY_PREFIX = 'deliverables'

export const demoProjects = [
  {
    name: 'Launch site for the Perihelion rover',
    status: 'in_progress',
    description:
      'A scroll-driven product site for the Perihelion lunar rover: an interactive 3D model of the chassis, ' +
      'a mission timeline and a press kit page, ready for the public reveal.',
    startedDaysAgo: 40,
    dueInDays: 21,
    milestones: [
      { title: 'Art direction and moodboard approved', dueInDays: -30, done: true },
      { title: 'Rover model cleaned, LODs and posters delivered', dueInDays: -5, done: true },
      { title: 'Mission timeline built and reviewed', dueInDays: 7, done: false },
      { title: 'Press kit page and launch', dueInDays: 21, done: false },
    ],
    deliverables: [
      {
        title: 'Rover poster set',
        key: `${KEY_PREFIX}/orbital-labs/perihelion/rover-poster.svg`,
        contentType: 'image/svg+xml',
        deliveredDaysAgo: 5,
        body: posterSvg('Perihelion', 'Lunar rover, reveal poster'),
      },
      {
        title: 'Moodboard and art direction notes',
        key: `${KEY_PREFIX}/orbital-labs/perihelion/art-direction.txt`,
        contentType: 'text/plain',
        deliveredDaysAgo: 30,
        approvedAfterDays: 3.5,
        body:
          'Perihelion launch site: art direction\n\n' +
          '- Night-side palette: deep navy, regolith grey, one cyan accent for telemetry.\n' +
          '- The rover is lit from one low sun; long shadows carry the scale.\n' +
          '- Type: a grotesk for headings, a monospaced face for mission data.\n',
      },
    ],
  },
  {
    name: 'Mission control brand refresh',
    status: 'review',
    description:
      'A refreshed identity for the Orbital Labs mission control room: wordmark, telemetry-inspired type ' +
      'scale and a motion kit for the launch livestream overlays.',
    startedDaysAgo: 75,
    dueInDays: 3,
    milestones: [
      { title: 'Identity workshop with the flight team', dueInDays: -60, done: true },
      { title: 'Wordmark and colour system', dueInDays: -20, done: true },
      { title: 'Livestream motion kit final review', dueInDays: 3, done: false },
    ],
    deliverables: [
      {
        title: 'Wordmark and colour system',
        key: `${KEY_PREFIX}/orbital-labs/mission-control/wordmark.svg`,
        contentType: 'image/svg+xml',
        deliveredDaysAgo: 20,
        approvedAfterDays: 2,
        body: posterSvg('ORBITAL LABS', 'Mission control wordmark, dark variant'),
      },
    ],
  },
  {
    name: 'Ground station visitor exhibit',
    status: 'planning',
    description:
      'A touch-screen exhibit for the Kiruna ground station lobby that shows live satellite passes over ' +
      'a rotating globe.',
    startedDaysAgo: null,
    dueInDays: 90,
    milestones: [
      { title: 'Discovery call and site visit', dueInDays: 10, done: false },
      { title: 'Interaction prototype', dueInDays: 45, done: false },
    ],
    deliverables: [],
  },
] as const

const leadAlertFlow: AutomationFlow = {
  nodes: [
    { id: 'trigger', type: 'trigger', label: 'New launch-list sign-up' },
    { id: 'qualify', type: 'condition', label: 'Company e-mail domain?' },
    { id: 'crm', type: 'action', label: 'Add contact to the CRM' },
    { id: 'notify', type: 'action', label: 'Post to #mission-leads' },
  ],
  edges: [
    { from: 'trigger', to: 'qualify' },
    { from: 'qualify', to: 'crm' },
    { from: 'crm', to: 'notify' },
  ],
}

const weeklyReportFlow: AutomationFlow = {
  nodes: [
    { id: 'schedule', type: 'trigger', label: 'Every Monday 08:00 UTC' },
    { id: 'collect', type: 'action', label: 'Collect site analytics for the rover page' },
    { id: 'email', type: 'action', label: 'E-mail the summary to the launch team' },
  ],
  edges: [
    { from: 'schedule', to: 'collect' },
    { from: 'collect', to: 'email' },
  ],
}

export const demoAutomations = [
  {
    title: 'Launch-list lead routing',
    description: 'Qualifies sign-ups from the rover launch page and routes them to the sales channel.',
    status: 'active',
    flow: leadAlertFlow,
    runs: [
      { hoursAgo: 2, outcome: 'success', durationMs: 840, message: 'Routed 3 new contacts' },
      { hoursAgo: 26, outcome: 'success', durationMs: 910, message: 'Routed 5 new contacts' },
      { hoursAgo: 50, outcome: 'failure', durationMs: 3020, message: 'CRM API timed out; retried next run' },
      { hoursAgo: 74, outcome: 'success', durationMs: 1260, message: 'Routed 8 new contacts' },
      { hoursAgo: 98, outcome: 'success', durationMs: 770, message: 'Routed 2 new contacts' },
      { hoursAgo: 122, outcome: 'success', durationMs: 930, message: 'Routed 4 new contacts' },
      {
        hoursAgo: 146,
        outcome: 'failure',
        durationMs: 15000,
        message: 'Slack rejected the message; token rotated',
      },
      { hoursAgo: 170, outcome: 'success', durationMs: 880, message: 'Routed 6 new contacts' },
    ],
    pausedBy: null,
  },
  {
    title: 'Weekly launch analytics digest',
    description: 'Sends the launch team a Monday summary of traffic to the rover pages.',
    status: 'paused',
    flow: weeklyReportFlow,
    runs: [
      { hoursAgo: 24 * 8, outcome: 'success', durationMs: 4210, message: 'Digest sent to 6 recipients' },
      { hoursAgo: 24 * 15, outcome: 'success', durationMs: 3980, message: 'Digest sent to 6 recipients' },
      { hoursAgo: 24 * 22, outcome: 'failure', durationMs: 61000, message: 'Analytics export timed out' },
    ],
    // The client paused it after the launch; the audit log (and the overview's activity) says so.
    pausedBy: { user: 'client', daysAgo: 7 },
  },
] as const

const demoTriageFlow: AutomationFlow = {
  nodes: [
    { id: 'form', type: 'trigger', label: 'Demo request form submitted' },
    { id: 'size', type: 'condition', label: 'Fleet of 10+ rovers?' },
    { id: 'sales', type: 'action', label: 'Book a call with sales' },
    { id: 'docs', type: 'action', label: 'Send the self-serve guide' },
    { id: 'crm', type: 'action', label: 'Log in the CRM' },
  ],
  edges: [
    { from: 'form', to: 'size' },
    { from: 'size', to: 'sales' },
    { from: 'size', to: 'docs' },
    { from: 'sales', to: 'crm' },
    { from: 'docs', to: 'crm' },
  ],
}

const stockSyncFlow: AutomationFlow = {
  nodes: [
    { id: 'nightly', type: 'trigger', label: 'Every night 02:00 UTC' },
    { id: 'pull', type: 'action', label: 'Read stock levels from the ERP' },
    { id: 'push', type: 'action', label: 'Update the configurator prices' },
  ],
  edges: [
    { from: 'nightly', to: 'pull' },
    { from: 'pull', to: 'push' },
  ],
}

/** The second client's work: its own projects and automations, invisible to Orbital Labs. */
export const secondDemoProjects = [
  {
    name: 'Warehouse rover configurator',
    status: 'in_progress',
    description:
      'A 3D configurator for the Nadir W-series warehouse rover: choose the chassis, the lift and the sensor ' +
      'mast, see the price, and send the build to sales.',
    startedDaysAgo: 25,
    dueInDays: 35,
    milestones: [
      { title: 'Configurator flows signed off', dueInDays: -12, done: true },
      { title: 'Rover parts modelled and optimised', dueInDays: 6, done: false },
      { title: 'Pricing connected to the ERP', dueInDays: 28, done: false },
    ],
    deliverables: [
      {
        title: 'Configurator flow diagrams',
        key: `${KEY_PREFIX}/nadir-robotics/configurator/flows.svg`,
        contentType: 'image/svg+xml',
        deliveredDaysAgo: 12,
        body: posterSvg('W-series configurator', 'Chassis, lift, sensor mast, quote'),
      },
    ],
  },
  {
    name: 'Investor update microsite',
    status: 'done',
    description: 'A one-page microsite for the Series B announcement, with an animated fleet map.',
    startedDaysAgo: 120,
    dueInDays: -60,
    milestones: [
      { title: 'Copy and fleet data', dueInDays: -90, done: true },
      { title: 'Launch', dueInDays: -60, done: true },
    ],
    deliverables: [
      {
        title: 'Launch week traffic report',
        key: `${KEY_PREFIX}/nadir-robotics/investor-update/traffic.csv`,
        contentType: 'text/csv',
        deliveredDaysAgo: 52,
        approvedAfterDays: 6,
        body:
          'day,visits,median_seconds_on_page\n' +
          '1,4210,74\n2,2980,69\n3,1740,71\n4,1220,66\n5,980,63\n6,760,61\n7,690,60\n',
      },
    ],
  },
] as const

export const secondDemoAutomations = [
  {
    title: 'Demo request triage',
    description: 'Sends big fleets to sales and everyone else the self-serve guide, and logs both.',
    status: 'active',
    flow: demoTriageFlow,
    runs: [
      { hoursAgo: 1, outcome: 'success', durationMs: 620, message: 'Routed 1 request to sales' },
      { hoursAgo: 5, outcome: 'success', durationMs: 540, message: 'Sent the guide to 2 requests' },
      { hoursAgo: 9, outcome: 'failure', durationMs: 2400, message: 'Calendar API refused the booking' },
      { hoursAgo: 13, outcome: 'success', durationMs: 700, message: 'Routed 2 requests to sales' },
    ],
    pausedBy: null,
  },
  {
    title: 'Nightly stock sync',
    description: 'Keeps the configurator prices in step with the ERP (waiting for ERP access).',
    status: 'draft',
    flow: stockSyncFlow,
    runs: [],
    pausedBy: null,
  },
] as const

/** Every demo file, for putting into a local R2 bucket (the rows only point at them). */
export function demoDeliverableFiles(): Array<Pick<DemoDeliverable, 'key' | 'contentType' | 'body'>> {
  return [...demoProjects, ...secondDemoProjects].flatMap((project) =>
    project.deliverables.map(({ key, contentType, body }) => ({ key, contentType, body })),
  )
}

/**
 * The contact form's leads: spread over the last weeks, from several site pages and about several
 * services (the analytics' charts), one of them already a client (`convertedTo`, a demo company's
 * slug) and two from before the form sent its page (no source page, no service).
 */
export const demoLeads = [
  {
    name: 'Priya Raman',
    email: 'priya@helio-dynamics.example',
    company: 'Helio Dynamics',
    message:
      'We are unveiling a small-satellite bus in spring and would love a launch site with an interactive model. ' +
      'Do you have availability in Q2?',
    status: 'new',
    idempotencyKey: 'seed-lead-helio-dynamics',
    sourcePage: '/contact/',
    service: 'interactive-3d',
    receivedDaysAgo: 2,
    convertedTo: null,
  },
  {
    name: 'Jonas Berg',
    email: 'jonas@aurora-planetarium.example',
    company: 'Aurora Planetarium',
    message: 'Our dome show needs a companion website for school groups. Could we book an intro call?',
    status: 'contacted',
    idempotencyKey: 'seed-lead-aurora-planetarium',
    sourcePage: '/contact/',
    service: 'websites',
    receivedDaysAgo: 9,
    convertedTo: null,
  },
  {
    name: 'Mei Tanaka',
    email: 'mei@kestrel-aero.example',
    company: 'Kestrel Aero',
    message: 'We need an explorable model of our drone for trade shows, running on a tablet.',
    status: 'qualified',
    idempotencyKey: 'seed-lead-kestrel-aero',
    sourcePage: '/services/interactive-3d/',
    service: 'interactive-3d',
    receivedDaysAgo: 16,
    convertedTo: null,
  },
  {
    name: 'Lena Vogt',
    email: 'lena@orbital-labs.example',
    company: 'Orbital Labs',
    message: 'After the launch site we would like to talk about the rover model and a press kit.',
    status: 'closed',
    idempotencyKey: 'seed-lead-orbital-labs',
    sourcePage: '/work/',
    service: 'interactive-3d',
    receivedDaysAgo: 60,
    convertedTo: { slug: 'orbital-labs', daysAgo: 52 },
  },
  {
    name: 'Samir Haddad',
    email: 'samir@dune-observatory.example',
    company: 'Dune Observatory',
    message: 'Could you refresh our visitor site before the autumn season? Bookings matter most.',
    status: 'contacted',
    idempotencyKey: 'seed-lead-dune-observatory',
    sourcePage: '/contact/',
    service: 'websites',
    receivedDaysAgo: 30,
    convertedTo: null,
  },
  {
    name: 'Ines Duarte',
    email: 'ines@polar-freight.example',
    company: 'Polar Freight',
    message: 'We are looking for someone to animate our route network for an investor video.',
    status: 'new',
    idempotencyKey: 'seed-lead-polar-freight',
    sourcePage: null,
    service: null,
    receivedDaysAgo: 45,
    convertedTo: null,
  },
  {
    name: 'Tom Okafor',
    email: 'tom@okafor-studio.example',
    company: null,
    message: 'Freelance 3D artist here: would you ever subcontract model clean-up work?',
    status: 'closed',
    idempotencyKey: 'seed-lead-okafor-studio',
    sourcePage: null,
    service: null,
    receivedDaysAgo: 70,
    convertedTo: null,
  },
] as const
