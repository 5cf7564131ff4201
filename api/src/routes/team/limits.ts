import { clientNetwork } from '../../lib/client-network.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { dashboardPage } from '../dashboard/context.ts'

// The guards every team route shares: `…Page` for the HTML pages (with the dashboard's no-store),
// `…Only` for their JSON twins under `/api/v1`.

/** Studio staff only: a client gets 404, as for a page that does not exist. */
export const staffOnly = requireUser({ roles: ['admin', 'team'] })
/** Admins only (user management, inviting staff): team members and clients get 404. */
export const adminOnly = requireUser({ roles: ['admin'] })

/** A page for studio staff only (see {@link staffOnly}), behind the dashboard's page guard. */
export const staffPage = dashboardPage({ roles: ['admin', 'team'] })
/** A page for admins only (see {@link adminOnly}), behind the dashboard's page guard. */
export const adminPage = dashboardPage({ roles: ['admin'] })

/**
 * A ceiling on the team's writes per signed-in user (every form and JSON write here): far above what
 * a person clicks, low enough that a stolen session or a runaway script cannot flood the tables.
 */
export const staffWriteLimit = rateLimit({
  prefix: 'team:write',
  limit: 120,
  windowSeconds: 600,
  key: (c) => c.var.auth?.user.id ?? clientNetwork(c),
})

/** Invitations send e-mail, so they get a tighter limit of their own. */
export const invitationLimit = rateLimit({
  prefix: 'team:invite',
  limit: 30,
  windowSeconds: 3600,
  key: (c) => c.var.auth?.user.id ?? clientNetwork(c),
})
