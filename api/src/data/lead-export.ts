import { companies, type Database, type LeadStatus, leads } from '@kairo/db'
import { and, desc, eq, lt, or } from 'drizzle-orm'
import { type LeadFilter, leadWhere } from './leads.ts'
import type { Scope } from './scope.ts'

// The leads' CSV export (`/dashboard/leads.csv`): the rows, read in batches so the body can stream.

/** One row of the CSV export: what the team needs in a spreadsheet (not the sender's IP). */
export interface LeadExportRow {
  id: string
  createdAt: Date
  name: string
  email: string
  company: string | null
  status: LeadStatus
  sourcePage: string | null
  service: string | null
  clientCompany: string | null
  convertedAt: Date | null
  message: string
}

/** How many leads one statement of the export reads. */
export const LEADS_EXPORT_BATCH = 500

/**
 * The leads of a filter, newest first, in batches of {@link LEADS_EXPORT_BATCH}: each batch is one
 * statement that continues after the last row of the one before (keyset on `created_at, id`, served
 * by `leads_created_at_idx`), so 100,000 leads are never in memory at once and no batch skips or
 * repeats a lead that arrives meanwhile. A company scope gets nothing.
 */
export async function* exportLeads(
  db: Database,
  scope: Scope,
  filter: LeadFilter,
): AsyncGenerator<LeadExportRow[]> {
  if (scope.kind !== 'all') return
  let after: { createdAt: Date; id: string } | undefined
  for (;;) {
    const batch = await db
      .select({
        id: leads.id,
        createdAt: leads.createdAt,
        name: leads.name,
        email: leads.email,
        company: leads.company,
        status: leads.status,
        sourcePage: leads.sourcePage,
        service: leads.service,
        clientCompany: companies.name,
        convertedAt: leads.convertedAt,
        message: leads.message,
      })
      .from(leads)
      .leftJoin(companies, eq(companies.id, leads.companyId))
      .where(
        and(
          leadWhere(filter),
          after &&
            or(
              lt(leads.createdAt, after.createdAt),
              and(eq(leads.createdAt, after.createdAt), lt(leads.id, after.id)),
            ),
        ),
      )
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(LEADS_EXPORT_BATCH)
    if (batch.length > 0) yield batch
    const last = batch.at(-1)
    if (!last || batch.length < LEADS_EXPORT_BATCH) return
    after = { createdAt: last.createdAt, id: last.id }
  }
}
