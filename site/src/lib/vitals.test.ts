import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { PAGE_TYPES, pageTypeOf, VITALS_SCRIPT, vitalsBeacon } from './vitals.ts'

// The field Core Web Vitals beacon: no script unless the studio turns it on, at most 1.5 KB when it
// is, and, run against a stand-in for the browser's APIs, one report per page view with the page
// type and the three figures, sent without cookies, and only for the sampled share of page views.

type Entry = Record<string, unknown>

/** Runs the script in a fresh context; returns hooks to feed entries and fire events, and what was sent. */
function runScript({
  rate = '100',
  random = 0.5,
  types = ['largest-contentful-paint', 'event', 'layout-shift'],
} = {}) {
  const observers = new Map<string, (list: { getEntries(): Entry[] }) => void>()
  const listeners = new Map<string, Array<() => void>>()
  const sent: Array<{ url: string; init: RequestInit }> = []
  const document = { visibilityState: 'visible', currentScript: { dataset: { t: 'case-study', r: rate } } }
  class PerformanceObserver {
    static supportedEntryTypes = types
    private readonly callback: (list: { getEntries(): Entry[] }) => void
    constructor(callback: (list: { getEntries(): Entry[] }) => void) {
      this.callback = callback
    }
    observe(options: { type: string; buffered: boolean }) {
      expect(options.buffered).toBe(true)
      observers.set(options.type, this.callback)
    }
  }
  const context = {
    window: { PerformanceObserver },
    document,
    Math: Object.assign(Object.create(Math), { random: () => random }),
    JSON,
    Object,
    fetch: (url: string, init: RequestInit) => {
      sent.push({ url, init })
      return Promise.resolve()
    },
    addEventListener: (name: string, listener: () => void) =>
      listeners.set(name, [...(listeners.get(name) ?? []), listener]),
  }
  runInNewContext(VITALS_SCRIPT, context)
  return {
    sent,
    observed: () => [...observers.keys()],
    feed: (type: string, entries: Entry[]) => observers.get(type)?.({ getEntries: () => entries }),
    fire: (name: string, visibility?: string) => {
      if (visibility) document.visibilityState = visibility
      for (const listener of listeners.get(name) ?? []) listener()
    },
  }
}

describe('the field Core Web Vitals beacon', () => {
  it('is not on a page unless the studio turned it on', () => {
    expect(vitalsBeacon(undefined, '/')).toBeNull()
    expect(vitalsBeacon(null, '/')).toBeNull()
    expect(vitalsBeacon({ enabled: false, sampleRate: 50 }, '/')).toBeNull()
    expect(vitalsBeacon({ enabled: true }, '/work/orbital-labs/')).toEqual({
      'data-t': 'case-study',
      'data-r': '10',
    })
    expect(vitalsBeacon({ enabled: true, sampleRate: 250 }, '/about/')).toEqual({
      'data-t': 'about',
      'data-r': '100',
    })
  })

  it('is at most 1.5 KB', () => {
    const bytes = new TextEncoder().encode(VITALS_SCRIPT).length
    expect(bytes).toBeLessThanOrEqual(1536)
  })

  it('sends only page types the Worker accepts, and every one it accepts', () => {
    // The Worker's list (api/src/ops/vitals.ts) is read as text: importing it would bring the API's
    // database and validation modules into the site's tests. A type added on one side only would
    // have its reports refused (400) or its row never filled.
    const worker = readFileSync(new URL('../../../api/src/ops/vitals.ts', import.meta.url), 'utf8')
    const list = /export const VITAL_PAGE_TYPES = \[([^\]]*)\]/.exec(worker)?.[1] ?? ''
    const accepted = [...list.matchAll(/'([a-z-]+)'/g)].map((match) => match[1])
    expect(accepted.length).toBeGreaterThan(0)
    expect([...PAGE_TYPES].sort()).toEqual(accepted.sort())
  })

  it('names pages by type, never by their URL', () => {
    expect(
      [
        '/',
        '/work/',
        '/work/page/2/',
        '/work/a/',
        '/services/',
        '/services/b/',
        '/about/',
        '/contact/',
        '/contact/thanks/',
        '/404',
        '/legal/',
      ].map(pageTypeOf),
    ).toEqual([
      'home',
      'work',
      'work',
      'case-study',
      'services',
      'service',
      'about',
      'contact',
      'contact',
      'not-found',
      'page',
    ])
  })

  it('reports LCP, INP and CLS once, when the page is hidden, without cookies', () => {
    const page = runScript()
    page.feed('largest-contentful-paint', [{ startTime: 812.4 }, { startTime: 1490.6 }])
    page.feed('event', [
      { interactionId: 0, duration: 400 },
      { interactionId: 7, duration: 96 },
      { interactionId: 8, duration: 184 },
    ])
    // Two session windows: 0.05 + 0.04 (under 1 s apart), then 0.03 alone; the larger counts.
    page.feed('layout-shift', [
      { startTime: 100, value: 0.05, hadRecentInput: false },
      { startTime: 600, value: 0.04, hadRecentInput: false },
      { startTime: 900, value: 0.5, hadRecentInput: true },
      { startTime: 3000, value: 0.03, hadRecentInput: false },
    ])
    page.fire('visibilitychange')
    expect(page.sent).toHaveLength(0)
    page.fire('visibilitychange', 'hidden')
    page.fire('pagehide')
    expect(page.sent).toHaveLength(1)
    const [report] = page.sent
    expect(report?.url).toBe('/api/vitals')
    expect(report?.init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' })
    expect(JSON.parse(String(report?.init.body))).toEqual({
      pageType: 'case-study',
      lcp: 1491,
      inp: 184,
      cls: 0.09,
    })
  })

  it('sends nothing outside the sample, and only what the browser measures', () => {
    const unsampled = runScript({ rate: '10', random: 0.5 })
    expect(unsampled.observed()).toEqual([])
    unsampled.fire('pagehide')
    expect(unsampled.sent).toEqual([])

    const older = runScript({ types: ['largest-contentful-paint'] })
    expect(older.observed()).toEqual(['largest-contentful-paint'])
    older.fire('pagehide')
    // Nothing measured yet (the page left before its first paint): no report.
    expect(older.sent).toEqual([])
    older.feed('largest-contentful-paint', [{ startTime: 2000 }])
    older.fire('pagehide')
    expect(JSON.parse(String(older.sent[0]?.init.body))).toEqual({ pageType: 'case-study', lcp: 2000 })
  })
})
