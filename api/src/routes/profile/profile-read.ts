import { sessions } from '@kairo/db'
import { sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { type SessionView, sessionHandle } from '../../auth/account.ts'
import { decodeFactors, factorsSubquery, type SecondFactorView } from '../../auth/second-factor.ts'
import { SESSION_IDLE_TIMEOUT_MS } from '../../auth/session.ts'
import { describeUserAgent } from '../../auth/user-agent.ts'
import type { AppEnv } from '../../env.ts'
import { type Preferences, preferencesSubquery, withDefaults } from '../../notifications/preferences.ts'

// What the profile page shows besides the session's user: the live sessions, the notification
// preferences and the second factors, in ONE statement, so the page keeps to two round trips (the session's and this).
// The sessions part is `listSessions` (auth/account.ts) with the preferences joined on; keep the two
// filters alike.

export interface ProfileView {
  sessions: SessionView[]
  preferences: Preferences
  secondFactor: SecondFactorView
}

interface Row extends Record<string, unknown> {
  preferences: Record<string, string> | null
  factors: Parameters<typeof decodeFactors>[0]
  id: string | null
  created_ms: number | null
  last_verified_ms: number | null
  ip: string | null
  user_agent: string | null
}

export async function readProfile(c: Context<AppEnv>, now: Date = new Date()): Promise<ProfileView> {
  const auth = c.var.auth
  if (!auth) throw new Error('profile: read without a signed-in user (mount requireUser first)')
  const idleSince = new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)
  // The one-row left side keeps the preferences even if no session row matched.
  const rows = await c.var.db().db.execute<Row>(sql`
    select p.preferences, p.factors, s.id, s.ip, s.user_agent,
      -- Milliseconds as numbers: a raw statement's timestamps would come back as Postgres's text.
      (extract(epoch from s.created_at) * 1000)::float8 as created_ms,
      (extract(epoch from s.last_verified_at) * 1000)::float8 as last_verified_ms
    from (select ${preferencesSubquery(auth.user.id)} as preferences, ${factorsSubquery(auth.user.id)} as factors) p
    left join ${sessions} s
      on s.user_id = ${auth.user.id} and s.expires_at > ${now.toISOString()}::timestamptz
      and s.last_verified_at > ${idleSince.toISOString()}::timestamptz
    order by s.last_verified_at desc, s.created_at desc
  `)
  const current = auth.session.id
  const list: SessionView[] = []
  for (const row of rows) {
    if (!row.id || row.created_ms === null || row.last_verified_ms === null) continue
    list.push({
      handle: sessionHandle(row.id),
      createdAt: new Date(row.created_ms),
      // The request being answered is activity too, though its row is refreshed only hourly.
      lastActiveAt: row.id === current ? now : new Date(row.last_verified_ms),
      ip: row.ip,
      device: describeUserAgent(row.user_agent),
      current: row.id === current,
    })
  }
  return {
    sessions: list,
    preferences: withDefaults(rows[0]?.preferences),
    secondFactor: decodeFactors(rows[0]?.factors),
  }
}
