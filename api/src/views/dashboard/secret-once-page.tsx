import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../env.ts'
import { DateTime } from '../kit/date-time.tsx'
import { DashboardLayout, type DashboardSection } from './layout.tsx'

/** Props of {@link SecretOncePage}. */
export interface SecretOncePageProps {
  c: Context<AppEnv>
  title: string
  active: DashboardSection
  /** What happened, before the "shown only now" warning. */
  notice: string
  /** Where the secret must be copied to ("the engine", "the receiver"). */
  copyInto: string
  /** What to do when the secret is lost ("make a new one", "rotate it"). */
  whenLost: string
  address: { label: string; value: string }
  secret: string
  createdAt: Date
  back: { href: string; label: string }
  /** How to use the secret: a section with its own heading. */
  children: Child
}

/**
 * A signing secret, shown this once: the answer to making or rotating one. It is a page rendered by
 * the POST, not a redirect, so the secret never travels in a cookie, a URL or a log; the dashboard's
 * `no-store` keeps it out of caches and the back-forward cache. Kairo keeps only what derives it.
 */
export function SecretOncePage(props: SecretOncePageProps) {
  const { c, title, active, notice, copyInto, whenLost, address, secret, createdAt, back, children } = props
  return (
    <DashboardLayout c={c} title={title} active={active}>
      <div class="flash" role="status">
        <p>
          {notice} <strong>The secret is shown only now:</strong> copy it into {copyInto} before you leave
          this page. Kairo does not keep it; if it is lost, {whenLost}.
        </p>
      </div>
      <dl class="meta">
        <dt>{address.label}</dt>
        <dd>
          <code class="copyable">{address.value}</code>
        </dd>
        <dt>Secret</dt>
        <dd>
          <code class="copyable">{secret}</code>
        </dd>
        <dt>Made</dt>
        <dd>
          <DateTime value={createdAt} />
        </dd>
      </dl>
      {children}
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </DashboardLayout>
  )
}
