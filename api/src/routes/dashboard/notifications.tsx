import { clientNetwork } from '../../lib/client-network.ts'
import { createRouter } from '../../lib/create-app.ts'
import { parseWith, readFormFields } from '../../lib/form.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { listNotifications, markAllRead, markRead, openNotification } from '../../notifications/list.ts'
import { notificationListQuery } from '../../notifications/schema.ts'
import { setFlash, takeFlash } from '../../views/dashboard/flash.ts'
import { NotificationsPage } from '../../views/dashboard/notifications-page.tsx'
import { dashboardPage, sendNotFound, signedInUser } from './context.ts'

// `/dashboard/notifications` (every signed-in user, their own notifications only): the list, "Mark
// read" and "Mark all as read" (form posts: same origin, limited per user), and `/open`, which
// marks one read and redirects to its page. Another user's notification id is the dashboard's 404.

const LIST = '/dashboard/notifications'

/** Far above what a person clicks; low enough that a stolen session cannot hammer the table. */
export const notificationWriteLimit = rateLimit({
  prefix: 'notifications:write',
  limit: 300,
  windowSeconds: 600,
  key: (c) => c.var.auth?.user.id ?? clientNetwork(c),
})

/** Back to the list's page the form was on. */
const listPage = (page: string | undefined) =>
  page && /^[1-9]\d{0,5}$/.test(page) && page !== '1' ? `${LIST}?page=${page}` : LIST

export const notificationRoutes = createRouter()
  .get(LIST, dashboardPage(), async (c) => {
    const query = parseWith(notificationListQuery, c.req.query())
    const list = await listNotifications(c.var.db().db, signedInUser(c).id, query.ok ? query.data : {})
    return c.html(<NotificationsPage c={c} list={list} flash={takeFlash(c)} />)
  })
  .post(`${LIST}/read-all`, sameOrigin(), dashboardPage(), notificationWriteLimit, async (c) => {
    const marked = await markAllRead(c.var.db().db, signedInUser(c).id)
    setFlash(c, {
      tone: 'success',
      message:
        marked === 0
          ? 'Everything was read already.'
          : marked === 1
            ? 'One notification marked as read.'
            : `${marked} notifications marked as read.`,
    })
    return c.redirect(LIST, 303)
  })
  .post(`${LIST}/:id/read`, sameOrigin(), dashboardPage(), notificationWriteLimit, async (c) => {
    const form = await readFormFields(c, ['page'])
    const result = await markRead(c.var.db().db, signedInUser(c).id, c.req.param('id'))
    if (!result) return sendNotFound(c)
    setFlash(c, {
      tone: 'success',
      message: result.changed ? 'Marked as read.' : 'That one was read already.',
    })
    return c.redirect(listPage(form.page), 303)
  })
  // A GET that writes: the link in the list and nothing else leads here, and marking one's own
  // notification read is harmless to repeat or to trigger from elsewhere (it is the user's own).
  .get(`${LIST}/:id/open`, dashboardPage(), async (c) => {
    const link = await openNotification(c.var.db().db, signedInUser(c).id, c.req.param('id'))
    if (!link) return sendNotFound(c)
    return c.redirect(link, 303)
  })
