import type { AutomationFlow } from './schema/index.ts'

// Demo content for a fresh install: a space-themed creative studio (Kairo) and one client,
// Orbital Labs. Dates are relative to the seed time so the dashboard always looks current.

const DAY = 24 * 60 * 60 * 1000

/** A date `days` from `now` (negative: in the past). */
export function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY)
}

export const demoCompany = { name: 'Orbital Labs', slug: 'orbital-labs' }

export const demoUsers = {
  client: {
    email: 'client@orbital-labs.example',
    name: 'Mara Okafor',
    password: 'kairo-client-demo',
    role: 'client',
  },
  team: { email: 'team@kairo.studio', name: 'Theo Lindqvist', password: 'kairo-team-demo', role: 'admin' },
} as const

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
    ],
  },
  {
    title: 'Weekly launch analytics digest',
    description: 'Sends the launch team a Monday summary of traffic to the rover pages.',
    status: 'paused',
    flow: weeklyReportFlow,
    runs: [
      { hoursAgo: 24 * 8, outcome: 'success', durationMs: 4210, message: 'Digest sent to 6 recipients' },
    ],
  },
] as const

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
  },
  {
    name: 'Jonas Berg',
    email: 'jonas@aurora-planetarium.example',
    company: 'Aurora Planetarium',
    message: 'Our dome show needs a companion website for school groups. Could we book an intro call?',
    status: 'contacted',
    idempotencyKey: 'seed-lead-aurora-planetarium',
  },
] as const
