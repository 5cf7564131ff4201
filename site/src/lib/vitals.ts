// The optional field Core Web Vitals beacon (site/README.md "Field Core Web Vitals"; the studio turns
// it on in the CMS's site settings). When on, every page gets this one inline script; when off, no
// page has any script for it. It is hand-written and hand-minified to stay far under 1.5 KB
// (src/lib/vitals.test.ts measures it), and the same bytes on every page, so the Content Security
// Policy needs one hash (src/lib/security-headers.ts hashes what the build contains): the page type
// and the sample rate travel in the script element's data attributes, not in its text.
//
// What it measures, with PerformanceObserver (browsers without it, or without an entry type, send
// what they have):
// - LCP: the last `largest-contentful-paint` candidate's start time;
// - INP: the longest `event` entry that belongs to an interaction (`interactionId`), an
//   approximation of Interaction to Next Paint: the metric proper takes a high percentile over many
//   interactions, which for the few interactions of a page view on this site is the longest one;
// - CLS: layout shifts without recent input, in session windows (shifts under 1 s apart, a window at
//   most 5 s long), the largest window's sum.
// It reports once, when the page is hidden or left, with `fetch(…, { keepalive: true, credentials:
// 'omit', referrerPolicy: 'no-referrer' })` to `/api/vitals`: `{ pageType, lcp, inp, cls }` as
// text/plain JSON. No cookie goes with it (`sendBeacon` cannot leave out the cookies of a signed-in
// visitor), no Referer (it would name the page's URL) and no identifier or timestamp: a sampled page
// view (default 10 %) is counted for its page type, nothing else. (The Worker's same-origin check then
// rests on `Sec-Fetch-Site`, as the `Origin` of a no-referrer POST is `null`.)

import { listingOf } from './pagination.ts'

/** The page types the Worker accepts (api/src/ops/vitals.ts `VITAL_PAGE_TYPES`). */
export const PAGE_TYPES = [
  'home',
  'work',
  'case-study',
  'services',
  'service',
  'about',
  'contact',
  'page',
  'not-found',
] as const

export type PageType = (typeof PAGE_TYPES)[number]

/** A page's type from its path: what the report says instead of the URL. */
export function pageTypeOf(pathname: string): PageType {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`
  if (path === '/') return 'home'
  if (path === '/404/' || path === '/404.html/') return 'not-found'
  if (listingOf(path) === '/work/') return 'work'
  if (path.startsWith('/work/')) return 'case-study'
  if (path === '/services/') return 'services'
  if (path.startsWith('/services/')) return 'service'
  if (path === '/about/') return 'about'
  if (path.startsWith('/contact/')) return 'contact'
  return 'page'
}

/**
 * The script, minified by hand (readable form in the comment above). `d` is the script element's
 * dataset: `t` the page type, `r` the sample rate in percent.
 */
export const VITALS_SCRIPT =
  '(()=>{var P=window.PerformanceObserver,d=document.currentScript.dataset;if(!P||Math.random()*100>=+d.r)return;' +
  'var v={pageType:d.t},S=P.supportedEntryTypes||[],w=0,f=0,l=0,s=0,' +
  'o=(t,h,x)=>{if(S.includes(t))new P(e=>e.getEntries().forEach(h)).observe(Object.assign({type:t,buffered:!0},x))};' +
  "S.includes('layout-shift')&&(v.cls=0);" +
  "o('largest-contentful-paint',e=>{v.lcp=Math.round(e.startTime)});" +
  "o('event',e=>{e.interactionId&&(v.inp=Math.max(v.inp||0,Math.round(e.duration)))},{durationThreshold:40});" +
  "o('layout-shift',e=>{if(e.hadRecentInput)return;var t=e.startTime;w&&t-l<1e3&&t-f<5e3?w+=e.value:(w=e.value,f=t);l=t;" +
  'v.cls=Math.max(v.cls,Math.round(w*1e4)/1e4)});' +
  "var q=h=>{if(s||!h&&document.visibilityState!='hidden'||v.lcp==null&&v.inp==null&&v.cls==null)return;s=1;" +
  "fetch('/api/vitals',{method:'POST',body:JSON.stringify(v),keepalive:!0,credentials:'omit',referrerPolicy:'no-referrer'}).catch(()=>{})};" +
  "addEventListener('visibilitychange',()=>q());addEventListener('pagehide',()=>q(1))})()"

/** The site settings' option, as the content store holds it. */
export interface FieldVitalsSetting {
  enabled?: boolean | null
  sampleRate?: number | null
}

/** The default share of page views that report (the CMS's default too). */
export const DEFAULT_SAMPLE_RATE = 10

/** The script element's attributes when the option is on; null (no script at all) when it is off. */
export function vitalsBeacon(
  setting: FieldVitalsSetting | null | undefined,
  pathname: string,
): { 'data-t': PageType; 'data-r': string } | null {
  if (!setting?.enabled) return null
  const rate = setting.sampleRate ?? DEFAULT_SAMPLE_RATE
  const sampleRate = Number.isFinite(rate)
    ? Math.min(100, Math.max(1, Math.round(rate)))
    : DEFAULT_SAMPLE_RATE
  return { 'data-t': pageTypeOf(pathname), 'data-r': String(sampleRate) }
}
