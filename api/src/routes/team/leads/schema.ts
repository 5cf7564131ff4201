import { z } from '@hono/zod-openapi'
import type { LeadStatus } from '@kairo/db'
import type { LeadConversionTarget } from '../../../data/lead-conversion.ts'
import { LEAD_STATUSES } from '../../../data/leads.ts'
import { blankToUndefined, type Parsed, parseWith, SEARCH_MAX_LENGTH, searchText } from '../../../lib/form.ts'
import { companyInput } from '../companies/schema.ts'

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

/** `?status=&q=`: which leads (empty means every status, no search), for the list and the CSV. */
export const leadFilterQuery = z.object({
  status: z.preprocess(blankToUndefined, status.optional()),
  q: z.preprocess(
    searchText,
    z
      .string()
      .max(SEARCH_MAX_LENGTH)
      .optional()
      .openapi({ description: 'Name, e-mail, company or message contains (any case)' }),
  ),
})

/** `?status=&q=&page=`: the list's filter and page. */
export const leadListQuery = leadFilterQuery.extend({
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

/**
 * `POST /api/v1/leads/{id}/conversion`: an existing company's id, or a new company (the company
 * form's rules: name, slug, optional https website). Exactly one of the two.
 */
export const leadConversionInput = z
  .object({
    companyId: z.uuid({ error: 'Send the id of an existing company' }).optional(),
    company: companyInput.optional(),
  })
  .refine((input) => (input.companyId === undefined) !== (input.company === undefined), {
    message: 'Send either companyId (an existing company) or company (a new one), not both',
    path: ['companyId'],
  })

/** The conversion form's fields: the company chosen ('' = a new one), and the new company's name and slug. */
export const LEAD_CONVERSION_FIELDS = ['companyId', 'name', 'slug'] as const

/**
 * The conversion form: an existing company picked from the list, or (with none picked) a new
 * company from the name and slug fields, validated as the company form validates them.
 */
export function parseLeadConversionForm(form: Record<string, string>): Parsed<LeadConversionTarget> {
  const companyId = (form.companyId ?? '').trim()
  if (companyId) return { ok: true, data: { companyId } }
  const company = parseWith(companyInput, { name: form.name, slug: form.slug })
  return company.ok ? { ok: true, data: { newCompany: company.data } } : company
}

/** A slug suggested from a company's name: "Analytical Engines Ltd." → "analytical-engines-ltd". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}
