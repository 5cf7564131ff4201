/**
 * Serialises JSON-LD for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as
 * Unicode escapes, so no CMS text can close the script element or open a comment.
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}
