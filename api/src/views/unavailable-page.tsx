import { raw } from 'hono/html'
import { SiteLayout } from './layout.tsx'

// The contact form's `.button` is for <button>; as a link it needs its underline and hover colour reset.
const LINK_BUTTON_CSS = 'a.button{display:inline-block;text-decoration:none}a.button:hover{color:#070a1a}'

/** Props of {@link UnavailablePage}. */
export interface UnavailablePageProps {
  nonce?: string
  /** The request's method: a GET can simply be retried, a form post must be sent again. */
  method: string
  /** Path and query of the request, for the retry link (GET only). */
  retryHref: string
  /** Seconds until a retry is worth it (the `Retry-After` header says the same). */
  retryAfterSeconds: number
}

/**
 * The 503 page for browsers when Postgres cannot be reached: in the site's look, saying what happened
 * in plain words, with a link that retries the same page (after a form post: Back keeps the input).
 * It names no host, error or stack.
 */
export function UnavailablePage({ nonce, method, retryHref, retryAfterSeconds }: UnavailablePageProps) {
  const isRead = method === 'GET' || method === 'HEAD'
  return (
    <>
      {raw('<!doctype html>')}
      <SiteLayout title="Try again shortly" nonce={nonce} styles={LINK_BUTTON_CSS}>
        <div class="wrap">
          <p class="eyebrow">Temporarily unavailable</p>
          <h1>Try again shortly</h1>
          {isRead ? (
            <p class="lede">
              We cannot reach our database right now, so this page cannot be shown. This is on our side and
              usually passes within seconds.
            </p>
          ) : (
            <p class="lede">
              We cannot reach our database right now, so nothing was saved. Go back to keep what you typed,
              and send it again in a moment.
            </p>
          )}
          {isRead ? (
            <p>
              <a class="button" href={retryHref}>
                Try again
              </a>
            </p>
          ) : (
            <p>Your browser's Back button returns to the form with your text still in it.</p>
          )}
          <p>{`Worth another try in about ${retryAfterSeconds} seconds.`}</p>
        </div>
      </SiteLayout>
    </>
  )
}
