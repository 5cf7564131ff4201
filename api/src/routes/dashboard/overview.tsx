import { getOverview } from '../../data/overview.ts'
import { seesAllCompanies } from '../../data/scope.ts'
import { createRouter } from '../../lib/create-app.ts'
import { takeFlash } from '../../views/dashboard/flash.ts'
import { OverviewPage } from '../../views/dashboard/overview-page.tsx'
import { cachedRead, dashboardPage, scopeFor } from './context.ts'

/**
 * `GET /dashboard`: the overview, one data statement (see `data/overview.ts`), none while the data
 * has not changed since this isolate last read it (see `data/read-cache.ts`).
 */
export const overviewRoutes = createRouter().get('/dashboard', dashboardPage(), async (c) => {
  const overview = await cachedRead(c, 'overview', (scope) => getOverview(c.var.db().db, scope))
  return c.html(
    <OverviewPage
      c={c}
      overview={overview}
      showCompany={seesAllCompanies(scopeFor(c))}
      flash={takeFlash(c)}
    />,
  )
})
