import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

// One-time messages after a form post ("Automation paused."): the POST sets a short-lived cookie and
// redirects (303); the next page shows the message and clears the cookie, so a reload does not repeat
// it and the URL stays clean. Works without JavaScript.

/** A message shown once at the top of a dashboard page; the words carry the meaning, not the colour. */
export interface Flash {
  tone: 'success' | 'info' | 'error'
  message: string
}

const FLASH_COOKIE = '__Host-flash'
const TONES: ReadonlySet<string> = new Set(['success', 'info', 'error'])
const COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' } as const

/** Queues `flash` for the next page this browser loads (call before redirecting). */
export function setFlash(c: Context, flash: Flash): void {
  // Short: a message nobody sees within a minute (the redirect was not followed) is stale.
  setCookie(c, FLASH_COOKIE, `${flash.tone}:${flash.message.slice(0, 300)}`, {
    ...COOKIE_OPTIONS,
    maxAge: 60,
  })
}

/**
 * Reads and clears the queued message. The text is rendered escaped by JSX, so even a hand-made
 * cookie can only show its own words to its own browser.
 */
export function takeFlash(c: Context): Flash | undefined {
  const raw = getCookie(c, FLASH_COOKIE)
  if (raw === undefined) return undefined
  deleteCookie(c, FLASH_COOKIE, COOKIE_OPTIONS)
  const separator = raw.indexOf(':')
  const tone = raw.slice(0, separator)
  const message = raw.slice(separator + 1).trim()
  if (separator < 0 || !TONES.has(tone) || message === '') return undefined
  return { tone: tone as Flash['tone'], message }
}
