import { getOverview } from '../../data/overview.ts'
import { seesAllCompanies } from '../../data/scope.ts'
import { createRouter } from '../../lib/create-app.ts'
import { takeFlash } from '../../views/dashboard/flash.ts'
import { OverviewPage } from '../../views/dashboard/overview-page.tsx'
import { dashboardPage, scopeFor } from './context.ts'

/** `GET /dashboard`: the overview, one data statement (see `data/overview.ts`). */
export const overviewRoutes = createRouter().get('/dashboard', dashboardPage(), async (c) => {
  const scope = scopeFor(c)
  const overview = await getOverview(c.var.db().db, scope)
  return c.html(
    <OverviewPage c={c} overview={overview} showCompany={seesAllCompanies(scope)} flash={takeFlash(c)} />,
  )
})
