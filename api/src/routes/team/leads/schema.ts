import { z } from '@hono/zod-openapi'
import type { LeadStatus } from '@kairo/db'
import { LEAD_STATUSES } from '../../../data/leads.ts'
import { blankToUndefined } from '../../../lib/form.ts'

// The leads' inputs, shared by the pages' forms and `/api/v1/leads`.

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  closed: 'Closed',
}

const status = z.enum(LEAD_STATUSES as [LeadStatus, ...LeadStatus[]], {
  error: `Choose a status: ${LEAD_STATUSES.join(', ')}`,
})

/** `?status=&page=`: the list's filter (empty means every status) and page. */
export const leadListQuery = z.object({
  status: z.preprocess(blankToUndefined, status.optional()),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Give a page number' }).int().min(1).optional(),
  ),
})

export const leadStatusInput = z.object({ status })

export const leadNoteInput = z.object({
  body: z.preprocess(
    (value) => value ?? '',
    z
      .string({ error: 'Write the note as text' })
      .trim()
      .min(1, 'Write a note before adding it')
      .max(5000, 'Keep a note to 5,000 characters or fewer'),
  ),
})
