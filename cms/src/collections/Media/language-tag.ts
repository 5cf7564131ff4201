/**
 * The canonical form of a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`), or null when it is not
 * a well-formed one. The platform's own parser decides (`Intl.getCanonicalLocales` follows
 * BCP 47 and throws on a malformed tag), so `english` or `en_US` are refused and `EN-us` becomes `en-US`.
 */
export function canonicalLanguageTag(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    return Intl.getCanonicalLocales(value.trim())[0] ?? null
  } catch {
    return null
  }
}
