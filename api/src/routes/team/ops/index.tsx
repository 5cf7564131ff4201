import { createRouter } from '../../../lib/create-app.ts'
import { openIncident } from '../../../ops/alerts.ts'
import { readOpsFigures } from '../../../ops/figures.ts'
import { OpsPage } from '../../../views/dashboard/ops-page.tsx'
import { adminPage } from '../limits.ts'

// `/dashboard/ops` (admins only; anyone else gets 404, as for /dashboard/outbox): the Worker's
// request figures over 24 hours and 30 days, failed sign-ins, dead e-mail, an open alert incident,
// and the field Core Web Vitals (src/ops/).

export const opsPages = createRouter().get('/dashboard/ops', adminPage, async (c) => {
  const [figures, incident] = await Promise.all([readOpsFigures(c.env, c.var.db().db), openIncident(c.env)])
  return c.html(<OpsPage c={c} figures={figures} incident={incident} />)
})
