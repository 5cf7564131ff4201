import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../env.ts'
import { SiteLayout } from '../layout.tsx'
import type { Flash } from './flash.ts'
import { DASHBOARD_CSS } from './styles.ts'

/** The dashboard's sections; `active` marks the current one in the nav (`aria-current="page"`). */
export type DashboardSection =
  | 'overview'
  | 'projects'
  | 'automations'
  | 'notifications'
  | 'profile'
  | 'leads'
  | 'analytics'
  | 'companies'
  | 'users'
  | 'invitations'
  | 'outbox'
  | 'webhooks'
  | 'ops'

interface NavLink {
  section: DashboardSection
  href: string
  label: string
}

const CLIENT_LINKS: readonly NavLink[] = [
  { section: 'overview', href: '/dashboard', label: 'Overview' },
  { section: 'projects', href: '/dashboard/projects', label: 'Projects' },
  { section: 'automations', href: '/dashboard/automations', label: 'Automations' },
  { section: 'profile', href: '/dashboard/profile', label: 'Profile' },
]

/** Shown to studio staff (team, admin) only; the routes refuse clients on their own. */
const TEAM_LINKS: readonly NavLink[] = [
  { section: 'leads', href: '/dashboard/leads', label: 'Leads' },
  { section: 'analytics', href: '/dashboard/analytics', label: 'Analytics' },
  { section: 'companies', href: '/dashboard/companies', label: 'Companies' },
  { section: 'users', href: '/dashboard/users', label: 'Users' },
  { section: 'invitations', href: '/dashboard/invitations', label: 'Invitations' },
]

/**
 * Shown to admins only: undelivered e-mail, outgoing webhooks, operations (the routes answer 404 to
 * anyone else).
 */
const ADMIN_LINKS: readonly NavLink[] = [
  { section: 'outbox', href: '/dashboard/outbox', label: 'E-mail' },
  { section: 'webhooks', href: '/dashboard/webhooks', label: 'Webhooks' },
  { section: 'ops', href: '/dashboard/ops', label: 'Operations' },
]

/** Props of {@link DashboardLayout}. */
export interface DashboardLayoutProps {
  /** The request: the signed-in user (`c.var.auth`) and the CSP nonce come from it. */
  c: Context<AppEnv>
  /** The page's title: the document `<title>` and, unless `heading` is given, its one `<h1>`. */
  title: string
  /** The nav entry to mark as the current page (none for pages outside the nav). */
  active?: DashboardSection
  /** A one-time message (see `flash.ts`), shown under the heading as a status. */
  flash?: Flash
  /** Richer content for the `<h1>` than the plain title (still one `<h1>`). */
  heading?: Child
  children?: Child
}

/**
 * The frame of every dashboard page: the site's header with the dashboard's nav (the current page
 * marked with `aria-current`), the signed-in user's name and a sign-out button (a POST form, so it
 * works without JavaScript), the site's skip link to `main`, one `<h1>`, and an optional flash
 * message announced as a status. Starts with the doctype: answer with `c.html(<DashboardLayout …/>)`.
 */
export function DashboardLayout({ c, title, active, flash, heading, children }: DashboardLayoutProps) {
  const user = c.var.auth?.user
  const staff = user?.role === 'admin' || user?.role === 'team'
  const nav = (
    <>
      <nav aria-label="Dashboard">
        <ul class="nav dash-nav">
          {CLIENT_LINKS.map((link) => navItem(link, active))}
          <NotificationsLink unread={c.var.auth?.unreadNotifications} current={active === 'notifications'} />
          {/* The first team link carries a divider, so the two groups read apart. */}
          {staff &&
            TEAM_LINKS.map((link, index) =>
              navItem(link, active, index === 0 ? 'dash-nav__team' : undefined),
            )}
          {user?.role === 'admin' && ADMIN_LINKS.map((link) => navItem(link, active))}
        </ul>
      </nav>
      {user && (
        <div class="dash-user">
          <span>
            <span class="visually-hidden">Signed in as </span>
            {user.name}
          </span>
          <form method="post" action="/logout">
            <button class="link-button" type="submit">
              Sign out
            </button>
          </form>
        </div>
      )}
    </>
  )
  // The doctype is part of the layout, so a route answers with just `c.html(<DashboardLayout …/>)`.
  return (
    <>
      {raw('<!doctype html>')}
      <SiteLayout title={title} nonce={c.var.secureHeadersNonce} styles={DASHBOARD_CSS} nav={nav}>
        <div class="wrap">
          <h1 class="dash-h1">{heading ?? title}</h1>
          {flash && (
            <p class={`flash flash--${flash.tone}`} role={flash.tone === 'error' ? 'alert' : 'status'}>
              {flash.message}
            </p>
          )}
          {children}
        </div>
      </SiteLayout>
    </>
  )
}

/**
 * "Notifications (3)": the unread count comes from the session's own statement (auth/session.ts),
 * so showing it on every page costs no query. The count is read as ", 3 unread" (the brackets
 * alone would be read as a bare number).
 */
function NotificationsLink({ unread, current }: { unread: number | undefined; current: boolean }) {
  return (
    <li>
      <a href="/dashboard/notifications" aria-current={current ? 'page' : undefined}>
        Notifications
        {unread !== undefined && unread > 0 && (
          <>
            <span aria-hidden="true">{` (${unread})`}</span>
            <span class="visually-hidden">{`, ${unread} unread`}</span>
          </>
        )}
      </a>
    </li>
  )
}

function navItem(link: NavLink, active: DashboardSection | undefined, className?: string) {
  return (
    <li class={className}>
      <a href={link.href} aria-current={link.section === active ? 'page' : undefined}>
        {link.label}
      </a>
    </li>
  )
}
