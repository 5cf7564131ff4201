import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { Flash } from '../../views/dashboard/flash.ts'
import { DASHBOARD_CSS } from '../../views/dashboard/styles.ts'
import { SiteLayout } from '../../views/layout.tsx'

/** Props of {@link AuthFrame}. */
export interface AuthFrameProps {
  title: string
  nonce?: string
  /** A one-time message (signed out, password changed) shown as a status. */
  flash?: Flash
  children?: Child
}

/**
 * The frame of the signed-out pages (sign in, password reset): the site's look with the dashboard's
 * extra rules, one `<h1>`, and an optional status message. Starts with the doctype.
 */
export function AuthFrame({ title, nonce, flash, children }: AuthFrameProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <SiteLayout title={title} nonce={nonce} styles={DASHBOARD_CSS}>
        <section class="wrap hero">
          <p class="eyebrow">Client dashboard</p>
          <h1>{title}</h1>
          {flash && (
            <p class={`flash flash--${flash.tone}`} role={flash.tone === 'error' ? 'alert' : 'status'}>
              {flash.message}
            </p>
          )}
          {children}
        </section>
      </SiteLayout>
    </>
  )
}
