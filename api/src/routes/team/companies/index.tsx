import {
  createCompany,
  findCompany,
  getCompany,
  listCompanies,
  updateCompany,
} from '../../../data/companies.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith, readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { CompaniesPage } from '../../../views/dashboard/companies-page.tsx'
import { EditCompanyPage, NewCompanyPage } from '../../../views/dashboard/company-form-page.tsx'
import { CompanyPage } from '../../../views/dashboard/company-page.tsx'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { auditFor, scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { staffPage, staffWriteLimit } from '../limits.ts'
import { companyEdit, companyInput } from './schema.ts'

// `/dashboard/companies`: client companies for studio staff; any staff member may add or edit one.

export const companyPages = createRouter()
  .get('/dashboard/companies', staffPage, async (c) => {
    const companies = await listCompanies(c.var.db().db, scopeFor(c))
    return c.html(<CompaniesPage c={c} companies={companies} flash={takeFlash(c)} />)
  })
  // Before `/:id`, so "new" is never taken for an id.
  .get('/dashboard/companies/new', staffPage, (c) => c.html(<NewCompanyPage c={c} />))
  .get('/dashboard/companies/:id', staffPage, async (c) => {
    const company = await getCompany(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!company) return sendNotFound(c)
    return c.html(<CompanyPage c={c} company={company} flash={takeFlash(c)} />)
  })
  .get('/dashboard/companies/:id/edit', staffPage, async (c) => {
    const company = await findCompany(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!company) return sendNotFound(c)
    return c.html(<EditCompanyPage c={c} company={company} />)
  })
  .post('/dashboard/companies/:id', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    // The form always sends both fields: a name left out is "enter the name", not "keep it".
    const input = parseWith(companyEdit.required({ name: true }), {
      website: '',
      ...form,
      name: form.name ?? '',
    })
    if (!input.ok) {
      const company = await findCompany(c.var.db().db, scopeFor(c), id)
      if (!company) return sendNotFound(c)
      return c.html(<EditCompanyPage c={c} company={company} values={form} errors={input.fields} />, 422)
    }
    const result = await updateCompany(c.var.db().db, scopeFor(c), id, input.data, auditFor(c))
    if (!result.ok) return sendNotFound(c)
    setFlash(c, {
      tone: result.changed.length > 0 ? 'success' : 'info',
      message: result.changed.length > 0 ? `${result.company.name} was saved.` : 'Nothing was changed.',
    })
    return c.redirect(`/dashboard/companies/${id}`, 303)
  })
  .post('/dashboard/companies', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const form = await readForm(c)
    const input = parseWith(companyInput, form)
    const result = input.ok
      ? await createCompany(c.var.db().db, scopeFor(c), input.data, auditFor(c))
      : { ok: false as const, fields: input.fields }
    if (!result.ok) return c.html(<NewCompanyPage c={c} values={form} errors={result.fields} />, 422)
    setFlash(c, { tone: 'success', message: `${result.company.name} was created.` })
    return c.redirect(`/dashboard/companies/${result.company.id}`, 303)
  })
