import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { unsubscribe } from '../../notifications/preferences.ts'
import { unsubscribeKeyOf, verifyUnsubscribeToken } from '../../notifications/unsubscribe-token.ts'
import { formBodyLimit } from '../auth/login.tsx'
import { BadUnsubscribeLinkPage, UnsubscribedPage, UnsubscribePage } from './page.tsx'

// `/unsubscribe/<token>`: the notification e-mails' unsubscribe link (RFC 8058), no sign-in needed.
// `GET` shows a page with one button; `POST` (that button, or a mail client's one-click POST with
// the body `List-Unsubscribe=One-Click`) sets the token's kind to `off` and says so.
//
// Note: the POST is not behind `sameOrigin()`. A mail provider sends the one-click POST from its own
// servers, with no Origin of this site, and the signed token in the path is the whole
// authorisation: nobody can make one for another account, and all it can do is stop e-mail. No rate
// limit either: a token that does not verify is refused before any query, and a valid one only
// repeats an idempotent write.

function badLink(c: Context<AppEnv>) {
  return c.html(<BadUnsubscribeLinkPage nonce={c.var.secureHeadersNonce} />, 404)
}

export const unsubscribeRoutes = createRouter()
  .use('/unsubscribe/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
    // The token is a credential for this one change; keep it out of other sites' logs.
    c.header('Referrer-Policy', 'no-referrer')
  })
  .get('/unsubscribe/:token', (c) => {
    const target = verifyUnsubscribeToken(unsubscribeKeyOf(c.env), c.req.param('token'))
    if (!target) return badLink(c)
    return c.html(
      <UnsubscribePage nonce={c.var.secureHeadersNonce} token={c.req.param('token')} scope={target.scope} />,
    )
  })
  .post('/unsubscribe/:token', formBodyLimit(), async (c) => {
    const target = verifyUnsubscribeToken(unsubscribeKeyOf(c.env), c.req.param('token'))
    if (!target) return badLink(c)
    const result = await unsubscribe(c.var.db().db, target, (event, tx) => recordAudit(c, event, tx))
    if (!result.ok) return badLink(c)
    return c.html(<UnsubscribedPage nonce={c.var.secureHeadersNonce} scope={target.scope} />)
  })
