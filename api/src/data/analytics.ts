import {
  companies,
  type Database,
  deliverableVersions,
  leads,
  projectDeliverables,
  projects,
} from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import type { Scope } from './scope.ts'

// The studio's analytics (`/dashboard/analytics`, `GET /api/v1/analytics`), from the data Kairo
// already holds: leads per week, by source page and by service, conversions to clients, and how
// long clients take to approve a deliverable version. One statement of CTEs, so the page costs the
// session's statement and this one. Weeks are ISO weeks (Monday to Sunday) and months calendar
// months, both in UTC, as every date on the dashboard. Staff only: a company scope gets null.

/** The periods offered, in weeks: the current week and the ones before it. */
export const ANALYTICS_PERIODS = [12, 26, 52] as const
export type AnalyticsWeeks = (typeof ANALYTICS_PERIODS)[number]
export const DEFAULT_ANALYTICS_WEEKS: AnalyticsWeeks = 12

/** How many entries a ranking shows before the rest is summed up as "other". */
export const ANALYTICS_TOP = 10
/** How many of the longest-waiting versions are listed. */
export const ANALYTICS_WAITING = 5

/** One week's leads. */
export interface AnalyticsWeek {
  /** The week's Monday, `2026-03-02`. */
  week: string
  /** Leads received in the week. */
  leads: number
  /** Leads converted to clients in the week (whenever they were received). */
  converted: number
  /** Of the leads received in the week, how many have become clients since. */
  receivedConverted: number
}

/** One entry of a ranking: a source page or a service (null: not recorded), and its leads. */
export interface AnalyticsShare {
  key: string | null
  leads: number
}

/** A ranking: the top entries, most leads first, and the rest summed up. */
export interface AnalyticsRanking {
  top: AnalyticsShare[]
  /** Leads of the entries past the top ones, and how many such entries there are. */
  otherLeads: number
  otherEntries: number
}

/** One month's approvals: how many, and the median and 90th percentile of upload-to-approval days. */
export interface TurnaroundMonth {
  /** The month's first day, `2026-03-01`. */
  month: string
  approvals: number
  medianDays: number | null
  p90Days: number | null
}

/** A current version still waiting for the client's decision. */
export interface WaitingVersion {
  versionId: string
  number: number
  deliverableId: string
  deliverableTitle: string
  projectId: string
  projectName: string
  companyName: string
  uploadedAt: string
  /** Days since the upload, to one decimal. */
  waitingDays: number
}

/** The figures of one period. */
export interface StudioAnalytics {
  weeks: AnalyticsWeeks
  /** The Monday of the first week and the moment the figures were read. */
  since: string
  until: string
  totals: {
    leads: number
    converted: number
    /** Of the period's leads, how many have become clients. */
    receivedConverted: number
    approvals: number
    medianDays: number | null
    p90Days: number | null
  }
  /** Every week of the period, oldest first, leads or not. */
  leadsPerWeek: AnalyticsWeek[]
  bySourcePage: AnalyticsRanking
  byService: AnalyticsRanking
  /** Every month the period touches, oldest first (the first one only from the period's start). */
  turnaround: TurnaroundMonth[]
  /** The current versions waiting longest, longest first (whenever they were uploaded). */
  waiting: WaitingVersion[]
}

/** The ranking of the period's leads by `column`: the top {@link ANALYTICS_TOP} and the rest. */
function ranking(column: 'source_page' | 'service') {
  const key = sql.identifier(column)
  const top = sql.raw(String(ANALYTICS_TOP))
  return sql`(
    select json_build_object(
      'top', coalesce(json_agg(json_build_object('key', r.key, 'leads', r.n) order by r.rank)
        filter (where r.rank <= ${top}), '[]'::json),
      'otherLeads', coalesce(sum(r.n) filter (where r.rank > ${top}), 0),
      'otherEntries', count(*) filter (where r.rank > ${top})
    )
    from (
      select l.${key} as key, count(*) as n,
        row_number() over (order by count(*) desc, l.${key} nulls last) as rank
      from l group by l.${key}
    ) r
  )`
}

/**
 * The period's figures: `weeks` weeks up to the week of `until` (now; tests pass a fixed moment),
 * in one statement. Week and month series make empty weeks and months rows of zeros (nulls for the
 * percentiles), so the charts need no gap-filling of their own. Leads are read once through
 * `leads_created_at_idx`, conversions through `leads_converted_at_idx`, approvals through
 * `deliverable_versions_approved_at_idx`.
 */
export async function readAnalytics(
  db: Database,
  scope: Scope,
  weeks: AnalyticsWeeks,
  until: Date = new Date(),
): Promise<StudioAnalytics | null> {
  if (scope.kind !== 'all') return null
  // A constant of this module, written into the statement (a parameter would leave `date - $1` untyped).
  const span = sql.raw(String((weeks - 1) * 7))
  const waitingLimit = sql.raw(String(ANALYTICS_WAITING))
  const days = (interval: SQL) => sql`round((extract(epoch from ${interval}) / 86400)::numeric, 1)::float8`
  const percentile = (share: number) =>
    sql`round((percentile_cont(${sql.raw(String(share))}) within group (order by a.days))::numeric, 1)::float8`
  const [row] = await db.execute<{ analytics: Omit<StudioAnalytics, 'weeks' | 'until'> }>(sql`
    with p as (
      select date_trunc('week', ${until.toISOString()}::timestamptz at time zone 'UTC')::date - ${span} as first_week,
        ${until.toISOString()}::timestamptz as until
    ),
    b as (select first_week, first_week::timestamp at time zone 'UTC' as since, until from p),
    l as (
      select date_trunc('week', x.created_at at time zone 'UTC')::date as week,
        x.source_page, x.service, x.converted_at
      from ${leads} x, b where x.created_at >= b.since and x.created_at <= b.until
    ),
    c as (
      select date_trunc('week', x.converted_at at time zone 'UTC')::date as week, count(*) as n
      from ${leads} x, b where x.converted_at >= b.since and x.converted_at <= b.until
      group by 1
    ),
    w as (
      select wk.week, count(l.week) as leads, count(l.converted_at) as received_converted,
        coalesce(max(c.n), 0) as converted
      from (select b.first_week + 7 * g.n as week from b, generate_series(0, ${sql.raw(String(weeks - 1))}) g(n)) wk
      left join l on l.week = wk.week
      left join c on c.week = wk.week
      group by wk.week
    ),
    a as (
      select date_trunc('month', v.reviewed_at at time zone 'UTC')::date as month,
        extract(epoch from (v.reviewed_at - v.uploaded_at)) / 86400 as days
      from ${deliverableVersions} v, b
      where v.review_state = 'approved' and v.reviewed_at >= b.since and v.reviewed_at <= b.until
    ),
    m as (
      select mo.month, count(a.days) as approvals, ${percentile(0.5)} as median_days, ${percentile(0.9)} as p90_days
      from (
        select generate_series(
          date_trunc('month', b.first_week::timestamp), date_trunc('month', b.until at time zone 'UTC'),
          interval '1 month'
        )::date as month from b
      ) mo
      left join a on a.month = mo.month
      group by mo.month
    ),
    waiting as (
      select v.id, v.number, v.uploaded_at, d.id as deliverable_id, d.title, pr.id as project_id,
        pr.name as project_name, co.name as company_name, ${days(sql`b.until - v.uploaded_at`)} as waiting_days
      from ${deliverableVersions} v
      join ${projectDeliverables} d on d.id = v.deliverable_id
      join ${projects} pr on pr.id = d.project_id
      join ${companies} co on co.id = pr.company_id
      cross join b
      where v.review_state = 'waiting' and v.uploaded_at <= b.until
        -- Only a deliverable's current version: an older one waits for nothing.
        and v.number = (select max(v2.number) from ${deliverableVersions} v2 where v2.deliverable_id = v.deliverable_id)
      order by v.uploaded_at, v.id
      limit ${waitingLimit}
    )
    select json_build_object(
      'since', (select to_char(first_week, 'YYYY-MM-DD') from b),
      'totals', json_build_object(
        'leads', (select count(*) from l),
        'converted', (select coalesce(sum(n), 0) from c),
        'receivedConverted', (select count(converted_at) from l),
        'approvals', (select count(*) from a),
        'medianDays', (select ${percentile(0.5)} from a),
        'p90Days', (select ${percentile(0.9)} from a)
      ),
      'leadsPerWeek', (select json_agg(json_build_object(
        'week', to_char(w.week, 'YYYY-MM-DD'), 'leads', w.leads, 'converted', w.converted,
        'receivedConverted', w.received_converted) order by w.week) from w),
      'bySourcePage', ${ranking('source_page')},
      'byService', ${ranking('service')},
      'turnaround', (select json_agg(json_build_object(
        'month', to_char(m.month, 'YYYY-MM-DD'), 'approvals', m.approvals,
        'medianDays', m.median_days, 'p90Days', m.p90_days) order by m.month) from m),
      'waiting', coalesce((select json_agg(json_build_object(
        'versionId', waiting.id, 'number', waiting.number, 'deliverableId', waiting.deliverable_id,
        'deliverableTitle', waiting.title, 'projectId', waiting.project_id,
        'projectName', waiting.project_name, 'companyName', waiting.company_name,
        'uploadedAt', waiting.uploaded_at, 'waitingDays', waiting.waiting_days)
        order by waiting.uploaded_at, waiting.id) from waiting), '[]'::json)
    ) as analytics`)
  if (!row) throw new Error('analytics: the statement returned no row')
  const { analytics } = row
  return {
    weeks,
    ...analytics,
    until: until.toISOString(),
    // Postgres writes a timestamptz in json with the session's offset; the API's dates are UTC ISO.
    waiting: analytics.waiting.map((v) => ({ ...v, uploadedAt: new Date(v.uploadedAt).toISOString() })),
  }
}
