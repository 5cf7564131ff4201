import { listOutboxProblems, retryOutboxMessage } from '../../../data/outbox.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { OutboxPage } from '../../../views/dashboard/outbox-page.tsx'
import { auditFor, scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { adminPage, staffWriteLimit } from '../limits.ts'
import { KIND_LABELS, outboxListQuery } from './schema.ts'

// `/dashboard/outbox` (admins only; anyone else gets 404): e-mail that is dead or failing, and the
// Retry form post that queues one again (same origin only, limited, audited as `outbox.retried`).

export const outboxPages = createRouter()
  .get('/dashboard/outbox', adminPage, async (c) => {
    const query = parseWith(outboxListQuery, c.req.query())
    const list = await listOutboxProblems(c.var.db().db, scopeFor(c), query.ok ? query.data : {})
    return c.html(<OutboxPage c={c} list={list} flash={takeFlash(c)} />)
  })
  .post('/dashboard/outbox/:id/retry', sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const result = await retryOutboxMessage(c.var.db().db, scopeFor(c), c.req.param('id'), auditFor(c))
    if (!result.ok && result.reason === 'not_found') return sendNotFound(c)
    setFlash(
      c,
      result.ok
        ? {
            tone: 'success',
            message: `${KIND_LABELS[result.kind] ?? result.kind}: queued again; it goes out within a minute.`,
          }
        : { tone: 'info', message: 'That e-mail was delivered in the meantime; nothing to retry.' },
    )
    return c.redirect('/dashboard/outbox', 303)
  })
