import { env } from 'cloudflare:workers'
import { auditLog, notificationPreferences, notifications, projects } from '@kairo/db'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBindings } from '../src/env.ts'
import { notify } from '../src/notifications/index.ts'
import { signUnsubscribeToken, unsubscribeKeyOf } from '../src/notifications/unsubscribe-token.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { countedPage, FOREIGN, headings, send } from './team-support.ts'

// The notifications a person meets in the browser and the API: the unread count in every dashboard
// page's nav (no extra round trip), the list with Mark read / Mark all as read / open, the profile's
// e-mail choices (one form, no JavaScript, CSRF, audit), the unsubscribe link (no sign-in, one-click
// POST, forged links refused) and `/api/v1`. Another user's notification is a 404 and stays as it was.

const fx = new Fixtures()
const db = fx.db
let companyId: string
let projectId: string
let team: TestUser
let client: TestUser
let other: TestUser
let clientCookie: string
let otherCookie: string
let othersNotification: string

beforeAll(async () => {
  companyId = await fx.company('Bell Co')
  const otherCompany = await fx.company('Other Bell Co')
  team = await fx.user('team', null, { name: 'Tess Team' })
  client = await fx.user('client', companyId, { name: 'Cora Client' })
  other = await fx.user('client', otherCompany)
  clientCookie = await fx.cookie(client.id)
  otherCookie = await fx.cookie(other.id)
  const [project] = await db
    .insert(projects)
    .values({ companyId, name: 'Bell site' })
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
  const [row] = await db
    .insert(notifications)
    .values({ userId: other.id, kind: 'version_uploaded', title: 'Not yours', link: '/dashboard/projects' })
    .returning({ id: notifications.id })
  othersNotification = row?.id ?? ''
})

afterAll(() => fx.cleanup())

/** Three versions uploaded by the team: three unread notifications for the client, newest last. */
async function uploadThree() {
  await db.delete(notifications).where(eq(notifications.userId, client.id))
  for (const versionNumber of [1, 2, 3]) {
    await db.transaction((tx) =>
      notify(tx, {
        kind: 'version_uploaded',
        companyId,
        projectId,
        deliverableTitle: 'Poster',
        versionNumber,
        actorId: team.id,
        link: `/dashboard/projects/${projectId}#v${versionNumber}`,
        origin: 'http://localhost',
      }),
    )
  }
  return db
    .select({ id: notifications.id, title: notifications.title })
    .from(notifications)
    .where(eq(notifications.userId, client.id))
    .orderBy(desc(notifications.createdAt))
}

const unreadOf = async (userId: string) =>
  (
    await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  ).length

/** The session cookie plus the flash message a form post set, as the browser sends them next. */
const withFlash = (cookie: string, response: Response) =>
  `${cookie}; ${(response.headers.get('set-cookie') ?? '').split(';')[0]}`

const NAV_THREE =
  'Notifications<span aria-hidden="true"> (3)</span><span class="visually-hidden">, 3 unread</span>'

describe('the unread count in the nav', () => {
  it('shows on every dashboard page, costing no round trip', async () => {
    await uploadThree()
    for (const path of ['/dashboard/projects', '/dashboard/automations', '/dashboard/profile']) {
      const { response, queries } = await countedPage(path, clientCookie)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain(NAV_THREE)
      expect(queries).toHaveLength(2)
    }
  })

  it('says nothing but "Notifications" when everything is read', async () => {
    const before = await (await countedPage('/dashboard/projects', otherCookie)).response.text()
    expect(before).toContain(', 1 unread</span>')
    await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.userId, other.id))
    const html = await (await countedPage('/dashboard/projects', otherCookie)).response.text()
    expect(html).toContain('<a href="/dashboard/notifications">Notifications</a>')
    await db.update(notifications).set({ readAt: null }).where(eq(notifications.userId, other.id))
  })
})

describe('/dashboard/notifications', () => {
  it('lists the user’s own notifications newest first, unread said in words, in two round trips', async () => {
    const rows = await uploadThree()
    const { response, queries } = await countedPage('/dashboard/notifications', clientCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Notifications'])
    expect(html).toContain('aria-current="page">Notifications')
    const titles = [
      ...html.matchAll(/<th scope="row"><a href="\/dashboard\/notifications\/([^/]+)\/open">([^<]+)<\/a>/g),
    ]
    expect(titles.map((m) => m[1])).toEqual(rows.map((r) => r.id))
    expect(titles.map((m) => m[2])).toEqual(
      [3, 2, 1].map((n) => `Tess Team uploaded version ${n} of Poster (Bell site)`),
    )
    expect(html.match(/>Unread</g)).toHaveLength(3)
    expect(html).toContain('3 unread notifications.')
    expect(html).not.toContain('Not yours')
  })

  it('opens a notification: marks it read and goes to its page', async () => {
    const [newest] = await uploadThree()
    const response = await send(`/dashboard/notifications/${newest?.id}/open`, { cookie: clientCookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/projects/${projectId}#v3`)
    expect(await unreadOf(client.id)).toBe(2)
    const html = await (await send('/dashboard/notifications', { cookie: clientCookie })).text()
    expect(html).toContain('<span aria-hidden="true"> (2)</span>')
    expect(html.match(/>Unread</g)).toHaveLength(2)
  })

  it('marks one read with a form post, and all of them with another', async () => {
    const [, middle] = await uploadThree()
    const one = await send(`/dashboard/notifications/${middle?.id}/read`, { cookie: clientCookie, form: {} })
    expect(one.status).toBe(303)
    expect(one.headers.get('location')).toBe('/dashboard/notifications')
    expect(await unreadOf(client.id)).toBe(2)
    const page = await (
      await send('/dashboard/notifications', { cookie: withFlash(clientCookie, one) })
    ).text()
    expect(page).toContain('Marked as read.')
    const all = await send('/dashboard/notifications/read-all', { cookie: clientCookie, form: {} })
    expect(all.status).toBe(303)
    expect(await unreadOf(client.id)).toBe(0)
    const after = await (
      await send('/dashboard/notifications', { cookie: withFlash(clientCookie, all) })
    ).text()
    expect(after).toContain('2 notifications marked as read.')
    expect(after).toContain('Everything is read.')
    expect(after).not.toContain('Mark all as read')
  })

  it('answers 404 for another user’s notification and changes nothing', async () => {
    for (const response of [
      await send(`/dashboard/notifications/${othersNotification}/open`, { cookie: clientCookie }),
      await send(`/dashboard/notifications/${othersNotification}/read`, { cookie: clientCookie, form: {} }),
      await send(`/api/v1/notifications/${othersNotification}/read`, {
        cookie: clientCookie,
        method: 'POST',
        wantJson: true,
      }),
      await send('/dashboard/notifications/not-a-uuid/open', { cookie: clientCookie }),
    ]) {
      expect(response.status).toBe(404)
    }
    expect(await unreadOf(other.id)).toBe(1)
  })

  it('refuses a mark-read post from another site (CSRF) and sends a signed-out visitor to sign in', async () => {
    const [newest] = await uploadThree()
    const forged = await send(`/dashboard/notifications/${newest?.id}/read`, {
      cookie: clientCookie,
      form: {},
      origin: FOREIGN,
    })
    expect(forged.status).toBe(403)
    const all = await send('/dashboard/notifications/read-all', {
      cookie: clientCookie,
      form: {},
      origin: FOREIGN,
    })
    expect(all.status).toBe(403)
    expect(await unreadOf(client.id)).toBe(3)
    const signedOut = await send('/dashboard/notifications')
    expect(signedOut.status).toBe(303)
    expect(signedOut.headers.get('location')).toBe('/login?next=%2Fdashboard%2Fnotifications')
  })
})

const preferencesOf = async (userId: string) =>
  Object.fromEntries(
    (
      await db
        .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId))
    ).map((p) => [p.kind, p.delivery]),
  )

const ALL_IMMEDIATE = {
  version_uploaded: 'immediate',
  version_approved: 'immediate',
  changes_requested: 'immediate',
  comment_added: 'immediate',
  automation_failed: 'immediate',
}

describe('the profile’s notification settings', () => {
  it('shows a radio group per kind (fieldset and legend), the stored choice checked', async () => {
    const { response, queries } = await countedPage('/dashboard/profile', clientCookie)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html).toContain('<h2 id="notifications">Notifications</h2>')
    expect(html).toContain(
      '<form class="contact-form" method="post" action="/dashboard/profile/notifications">',
    )
    expect(html.match(/<fieldset/g)).toHaveLength(5)
    expect(html).toContain('<legend>A new version is uploaded</legend>')
    for (const words of ['E-mail each time', 'In a daily digest', 'Only in the dashboard']) {
      expect(html.match(new RegExp(words, 'g'))).toHaveLength(5)
    }
    expect(html).toMatch(
      /<input type="radio" name="version_uploaded" value="immediate" id="profile-version_uploaded" checked=""/,
    )
  })

  it('saves every choice with one form post, audited, and shows them checked', async () => {
    const form = { ...ALL_IMMEDIATE, version_uploaded: 'digest', automation_failed: 'off' }
    const response = await send('/dashboard/profile/notifications', { cookie: clientCookie, form })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard/profile#notifications')
    expect(await preferencesOf(client.id)).toEqual({ version_uploaded: 'digest', automation_failed: 'off' })
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, client.id), eq(auditLog.action, 'notifications.preferences_changed')))
    expect(entry?.actorId).toBe(client.id)
    expect(entry?.details).toEqual({ version_uploaded: 'digest', automation_failed: 'off' })
    const html = await (
      await send('/dashboard/profile', { cookie: withFlash(clientCookie, response) })
    ).text()
    expect(html).toContain('Your notification settings have been saved.')
    expect(html).toMatch(/name="version_uploaded" value="digest"[^>]*checked=""/)
    expect(html).toMatch(/name="automation_failed" value="off"[^>]*checked=""/)
  })

  it('answers a missing or unknown choice with the page, a message by the group and the rest as sent', async () => {
    const before = await preferencesOf(client.id)
    const form = { ...ALL_IMMEDIATE, version_uploaded: 'off', comment_added: 'sometimes' } as Record<
      string,
      string
    >
    delete (form as Partial<Record<string, string>>).changes_requested
    const response = await send('/dashboard/profile/notifications', { cookie: clientCookie, form })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('There is a problem')
    expect(html).toContain(
      '<a href="#profile-comment_added">A comment or reply on a version: choose how you hear of it</a>',
    )
    expect(html).toContain(
      '<a href="#profile-changes_requested">A client requests changes: choose how you hear of it</a>',
    )
    expect(html).toContain('aria-describedby="profile-comment_added-error"')
    // What was sent stays chosen, not what is stored.
    expect(html).toMatch(/name="version_uploaded" value="off"[^>]*checked=""/)
    expect(await preferencesOf(client.id)).toEqual(before)
  })

  it('refuses a post from another site and changes nothing', async () => {
    const before = await preferencesOf(client.id)
    const response = await send('/dashboard/profile/notifications', {
      cookie: clientCookie,
      form: { ...ALL_IMMEDIATE },
      origin: FOREIGN,
    })
    expect(response.status).toBe(403)
    expect(await preferencesOf(client.id)).toEqual(before)
  })
})

describe('unsubscribing from an e-mail', () => {
  const key = unsubscribeKeyOf(env)

  it('shows a page with one button, and changes nothing on a GET (mail scanners open links)', async () => {
    const token = signUnsubscribeToken(key, { userId: client.id, scope: 'comment_added' })
    const response = await send(`/unsubscribe/${token}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['Unsubscribe from these e-mails'])
    expect(html).toContain('Stop e-mails when a comment or reply on a version?')
    expect(html).toContain(`<form method="post" action="/unsubscribe/${token}">`)
    expect(html).toContain('<button class="button" type="submit">Unsubscribe</button>')
    expect((await preferencesOf(client.id)).comment_added).toBeUndefined()
  })

  it('turns the kind off on a one-click POST without a session or a same-origin header', async () => {
    const token = signUnsubscribeToken(key, { userId: client.id, scope: 'comment_added' })
    // What a mail provider sends (RFC 8058): a form body, from its own servers, no cookie.
    const response = await send(`/unsubscribe/${token}`, {
      form: { 'List-Unsubscribe': 'One-Click' },
      origin: 'https://mail.provider.example',
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain(
      'You will no longer get e-mails when a comment or reply on a version.',
    )
    expect((await preferencesOf(client.id)).comment_added).toBe('off')
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, client.id), eq(auditLog.action, 'notifications.unsubscribed')))
    expect(entry?.actorId).toBe(client.id)
    // Again: still a success, nothing more recorded.
    expect((await send(`/unsubscribe/${token}`, { form: { 'List-Unsubscribe': 'One-Click' } })).status).toBe(
      200,
    )
  })

  it('turns off every digest kind from the digest’s link', async () => {
    expect((await preferencesOf(client.id)).version_uploaded).toBe('digest')
    const token = signUnsubscribeToken(key, { userId: client.id, scope: 'digest' })
    expect((await send(`/unsubscribe/${token}`, { form: {} })).status).toBe(200)
    expect((await preferencesOf(client.id)).version_uploaded).toBe('off')
  })

  it('refuses a forged, altered or cut-short link with a clear 404 and changes nothing', async () => {
    const good = signUnsubscribeToken(key, { userId: other.id, scope: 'version_uploaded' })
    const [subject, mac] = good.split('.')
    // The same parts with another user or scope: what someone would try with their own link.
    const otherUser = signUnsubscribeToken(key, { userId: client.id, scope: 'version_uploaded' }).split(
      '.',
    )[0]
    const otherScope = signUnsubscribeToken(key, { userId: other.id, scope: 'digest' }).split('.')[0]
    const forged = [
      signUnsubscribeToken('another-key-that-is-not-the-workers-own', {
        userId: other.id,
        scope: 'version_uploaded',
      }),
      `${otherUser}.${mac}`,
      `${otherScope}.${mac}`,
      // One character of the MAC changed: its first, which every bit of counts (a change to the last
      // two could leave them as they were, 1 time in 4,096, or touch only the padding bits).
      `${subject}.${mac?.startsWith('A') ? 'B' : 'A'}${mac?.slice(1)}`,
      good.slice(0, -3),
      'nonsense',
    ]
    for (const token of forged) {
      const page = await send(`/unsubscribe/${token}`)
      expect(page.status).toBe(404)
      expect(await page.text()).toContain('This unsubscribe link does not work')
      expect((await send(`/unsubscribe/${token}`, { form: {} })).status).toBe(404)
    }
    expect(await preferencesOf(other.id)).toEqual({})
  })
})

describe('/api/v1', () => {
  it('lists notifications with the unread total, and marks them read', async () => {
    const rows = await uploadThree()
    const list = await send('/api/v1/notifications', { cookie: clientCookie, wantJson: true })
    expect(list.status).toBe(200)
    const body = (await list.json()) as {
      items: { id: string; readAt: string | null }[]
      total: number
      unread: number
    }
    expect(body.items.map((i) => i.id)).toEqual(rows.map((r) => r.id))
    expect(body).toMatchObject({ page: 1, pageSize: 25, total: 3, unread: 3 })
    const read = await send(`/api/v1/notifications/${rows[0]?.id}/read`, {
      cookie: clientCookie,
      method: 'POST',
      wantJson: true,
    })
    expect(await read.json()).toEqual({ id: rows[0]?.id, read: true, changed: true })
    const all = await send('/api/v1/notifications/read', {
      cookie: clientCookie,
      method: 'POST',
      wantJson: true,
    })
    expect(await all.json()).toEqual({ marked: 2 })
  })

  it('reads and sets preferences; an unknown choice is 422 and changes nothing', async () => {
    const put = await send('/api/v1/notification-preferences', {
      cookie: otherCookie,
      method: 'PUT',
      json: { changes_requested: 'digest' },
    })
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual({
      preferences: { ...ALL_IMMEDIATE, changes_requested: 'digest' },
      changed: ['changes_requested'],
    })
    const bad = await send('/api/v1/notification-preferences', {
      cookie: otherCookie,
      method: 'PUT',
      json: { comment_added: 'loud' },
    })
    expect(bad.status).toBe(422)
    expect(
      ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.comment_added,
    ).toBeDefined()
    const get = await send('/api/v1/notification-preferences', { cookie: otherCookie, wantJson: true })
    expect(await get.json()).toEqual({ ...ALL_IMMEDIATE, changes_requested: 'digest' })
  })

  it('describes the routes in the OpenAPI document', async () => {
    const doc = (await (await send('/api/v1/openapi.json', { wantJson: true })).json()) as {
      paths: Record<string, object>
    }
    for (const path of [
      '/notifications',
      '/notifications/{id}/read',
      '/notifications/read',
      '/notification-preferences',
    ]) {
      expect(doc.paths[path]).toBeDefined()
    }
  })
})

describe('the unsubscribe key', () => {
  it('is required in production, and must be long', () => {
    const base = { HYPERDRIVE: env.HYPERDRIVE }
    expect(() => assertBindings({ ...base, ENVIRONMENT: 'production' })).toThrow(/UNSUBSCRIBE_SECRET/)
    expect(() => assertBindings({ ...base, UNSUBSCRIBE_SECRET: 'short' })).toThrow(/UNSUBSCRIBE_SECRET/)
    // Other secrets are required in production too; this one no longer is among the problems.
    expect(() =>
      assertBindings({ ...base, ENVIRONMENT: 'production', UNSUBSCRIBE_SECRET: 'k'.repeat(40) }),
    ).not.toThrow(/UNSUBSCRIBE_SECRET/)
  })
})
