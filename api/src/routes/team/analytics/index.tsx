import { readAnalytics } from '../../../data/analytics.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith } from '../../../lib/form.ts'
import { AnalyticsPage } from '../../../views/dashboard/analytics-page.tsx'
import { scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { staffPage } from '../limits.ts'
import { analyticsQuery } from './schema.ts'

// `/dashboard/analytics`: the studio's figures for staff (a client gets 404). The session's
// statement and one analytics statement: two round trips whatever the period.

export const analyticsPages = createRouter().get('/dashboard/analytics', staffPage, async (c) => {
  const query = parseWith(analyticsQuery, c.req.query())
  const weeks = query.ok ? query.data.weeks : 12
  const analytics = await readAnalytics(c.var.db().db, scopeFor(c), weeks)
  if (!analytics) return sendNotFound(c)
  return c.html(<AnalyticsPage c={c} analytics={analytics} />)
})
