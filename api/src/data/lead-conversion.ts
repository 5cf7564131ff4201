import { companies, type Database, leads } from '@kairo/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { createCompany, type NewCompanyInput } from './companies.ts'
import { type AuditWriter, isUuid } from './rows.ts'
import type { Scope } from './scope.ts'

// "Make this lead a client" (`/dashboard/leads/<id>/conversion`, `POST /api/v1/leads/{id}/conversion`):
// the studio analytics count the leads that became clients by `converted_at`.

/** Where a converted lead goes: an existing company, or a new one made with the company form's rules. */
export type LeadConversionTarget = { companyId: string } | { newCompany: NewCompanyInput }

/** What {@link convertLead} did. */
export type ConvertLeadResult =
  | { ok: true; company: { id: string; name: string; slug: string }; created: boolean; convertedAt: Date }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'already_converted' }
  | { ok: false; reason: 'invalid'; fields: Record<string, string> }

/**
 * Makes a lead a client: links it to an existing company or to one created here (with its own
 * `company.created` entry), sets `converted_at`, and writes `lead.converted` (the company, and
 * whether it was new), all in one transaction. The lead's row is locked first, so two team members
 * converting it at once give one conversion and one `already_converted`. A lead converted before
 * stays as it is.
 */
export async function convertLead(
  db: Database,
  scope: Scope,
  id: string,
  target: LeadConversionTarget,
  audit: AuditWriter,
): Promise<ConvertLeadResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx): Promise<ConvertLeadResult> => {
    const [lead] = await tx
      .select({ convertedAt: leads.convertedAt })
      .from(leads)
      .where(eq(leads.id, id))
      .for('update')
    if (!lead) return { ok: false, reason: 'not_found' }
    if (lead.convertedAt) return { ok: false, reason: 'already_converted' }
    let company: { id: string; name: string; slug: string }
    let created = false
    if ('companyId' in target) {
      const [found] = isUuid(target.companyId)
        ? await tx
            .select({ id: companies.id, name: companies.name, slug: companies.slug })
            .from(companies)
            .where(eq(companies.id, target.companyId))
        : []
      if (!found) {
        return { ok: false, reason: 'invalid', fields: { companyId: 'Choose a company from the list' } }
      }
      company = found
    } else {
      // The company form's own operation, inside this transaction: a taken slug is its field error.
      const made = await createCompany(tx, scope, target.newCompany, audit)
      if (!made.ok) return { ok: false, reason: 'invalid', fields: made.fields }
      company = made.company
      created = true
    }
    const [updated] = await tx
      .update(leads)
      .set({ companyId: company.id, convertedAt: sql`now()` })
      .where(and(eq(leads.id, id), isNull(leads.convertedAt)))
      .returning({ convertedAt: leads.convertedAt })
    if (!updated?.convertedAt) throw new Error('leads: the locked lead was not converted')
    await audit(
      {
        action: 'lead.converted',
        companyId: company.id,
        targetType: 'lead',
        targetId: id,
        details: { companyId: company.id, created },
      },
      tx,
    )
    return { ok: true, company, created, convertedAt: updated.convertedAt }
  })
}
