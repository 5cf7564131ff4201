/** Lowercase kebab-case: ASCII letters and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Turns a title into a URL slug: accents dropped, lowercased, every run of other characters
 * collapsed into one hyphen, no hyphen at either end. "Orbit — Café 2!" becomes "orbit-cafe-2".
 */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Returns `true` for a valid slug, or the message an editor sees next to the field. */
export function validateSlug(value: unknown): true | string {
  if (typeof value !== 'string' || value.length === 0) return 'A slug is required (it is the page URL).'
  if (!SLUG_PATTERN.test(value)) {
    return 'Use lowercase letters, digits and single hyphens only, e.g. "solar-system-exhibit".'
  }
  return true
}
