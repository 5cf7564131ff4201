import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated.ts'
import { siteBuildReportEndpoint } from './report-endpoint.ts'
import { siteStatusEndpoint } from './status-endpoint.ts'

/** The states of a site build, in the order one goes through them. */
export const BUILD_STATUSES = ['queued', 'building', 'live', 'failed'] as const
export type BuildStatus = (typeof BUILD_STATUSES)[number]

/**
 * The site's builds as editors see them: each publish joins the queued build (its "what changed"),
 * which then builds and goes live or fails with the start of its error. Written only by the CMS
 * itself (src/rebuild/journal.ts), never through the API or the admin; read by every signed-in user
 * (the dashboard's panel and each document's publish status use `GET /api/site-builds/status`).
 */
export const siteBuilds = ({
  siteUrl,
  reportToken,
}: {
  siteUrl: string
  reportToken?: string
}): CollectionConfig => ({
  slug: 'site-builds',
  labels: { singular: 'Site build', plural: 'Site builds' },
  admin: {
    group: 'Site',
    useAsTitle: 'summary',
    defaultColumns: ['status', 'summary', 'queuedAt', 'durationMs'],
    description:
      'Every rebuild of the public site: what changed, how long it took, and why it failed. A failed build leaves the live site as it was.',
  },
  access: { read: authenticated, create: () => false, update: () => false, delete: () => false },
  defaultSort: '-queuedAt',
  endpoints: [siteStatusEndpoint(siteUrl), siteBuildReportEndpoint(reportToken)],
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: BUILD_STATUSES.map((value) => ({ label: value[0]?.toUpperCase() + value.slice(1), value })),
    },
    { name: 'summary', type: 'text', required: true, admin: { description: 'What changed, in short.' } },
    {
      name: 'changes',
      type: 'json',
      admin: { description: 'Every change this build carries, in the order they were saved.' },
    },
    {
      name: 'rebuilder',
      type: 'text',
      admin: { description: 'Who builds: the local build or the deploy hook.' },
    },
    {
      name: 'queuedAt',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'startedAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', type: 'number', label: 'Duration (ms)' },
    {
      name: 'error',
      type: 'textarea',
      admin: { description: 'The start of the build’s error, when it failed.' },
    },
  ],
})
