// The rules for a new password (sign-up by invitation, password change, password reset), after
// NIST SP 800-63B 3.1.1.2 and OWASP ASVS 5.0 V6.2: a length floor and a generous ceiling, no
// composition rules, no expiry, and a check against passwords attackers try first. The rules never
// look at an existing password; verifying one is `password.ts`'s job.
//
// "Passwords attackers try first" is the ranked common-password dictionary of zxcvbn-ts
// (`@zxcvbn-ts/language-common`, maintained; all 49,233 entries of 4.1.3, far past the top 10,000),
// plus this service's own name. The package ships the list compressed (a string, prefix-coded by
// `@zxcvbn-ts/dictionary-compression`) and expands it when its module is evaluated: about 25 ms and
// a few MB. So it is imported dynamically, on the first password check of an isolate, never at a
// Worker's start; the Set is built once and kept for the isolate's life. Cost in the Worker bundle:
// see api/README.md ("Password policy").

/** Fewer characters than this are refused (ASVS 6.2.1: at least 8). */
export const PASSWORD_MIN_LENGTH = 8
/**
 * More characters than this are refused. ASVS asks to allow at least 64; the cap is far above
 * that so passphrases fit, and bounds the bytes a request can make the hash read.
 */
export const PASSWORD_MAX_LENGTH = 256

/** What the policy knows about the account, to refuse passwords built from it. */
export interface PasswordContext {
  email?: string | null
  name?: string | null
}

/** Words of this service that no list knows, matched like the list's entries. */
const SERVICE_WORDS = ['kairo', 'kairostudio']

let commonPasswords: Promise<ReadonlySet<string>> | undefined

/**
 * The common-password Set (lower case), built on first use and then shared by every request of the
 * isolate. A failed load is not cached, so the next check tries again.
 */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set([...dictionary['passwords-common'], ...SERVICE_WORDS]),
    (error: unknown) => {
      commonPasswords = undefined
      throw error
    },
  )
  return commonPasswords
}

// Letters people swap for digits and symbols ("p@ssw0rd"), mapped back before the list lookup.
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
}

/**
 * Checks a new password against the policy and returns the message to show next to the field, or
 * null when it is acceptable. Length is counted in characters (code points), not bytes, so every
 * script gets the same allowance; spaces are allowed and kept (passphrases).
 */
export async function checkNewPassword(
  password: string,
  context: PasswordContext = {},
): Promise<string | null> {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`
  const lower = password.toLowerCase()
  if (isCommon(lower, await loadCommonPasswords())) {
    return 'This password is too easy to guess; choose a less common one'
  }
  if (containsAccountDetail(lower, context.email, context.name)) {
    return 'Do not use your name or email address in your password'
  }
  return null
}

/** True when the password, or the stem left after stripping the usual decorations, is guessable. */
function isCommon(lower: string, common: ReadonlySet<string>): boolean {
  const stem = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  const candidates = new Set([lower, stem, unLeet(lower), unLeet(stem)])
  for (const candidate of candidates) {
    if (candidate === '') continue
    if (common.has(candidate) || isPattern(candidate)) return true
    const unit = repeatedUnit(candidate)
    if (unit && (unit.length <= 3 || common.has(unit))) return true
  }
  // Only digits and symbols around a common stem ("2024!!") leave an empty stem: judge the whole.
  return stem === '' && isPattern(lower.replace(/[^\p{L}\p{N}]/gu, ''))
}

/** One character throughout, or a straight run up or down the alphabet or digits ("87654321"). */
function isPattern(text: string): boolean {
  const codes = [...text].map((ch) => ch.codePointAt(0) as number)
  if (codes.length < 3) return false
  const step = (codes[1] as number) - (codes[0] as number)
  if (Math.abs(step) > 1) return false
  return codes.every((code, i) => i === 0 || code - (codes[i - 1] as number) === step)
}

/** The shortest unit the text repeats ("abcabcabc" → "abc"), or null when it repeats none. */
function repeatedUnit(text: string): string | null {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue
    const unit = text.slice(0, size)
    if (unit.repeat(text.length / size) === text) return unit
  }
  return null
}

function unLeet(text: string): string {
  return text.replace(/[013457@$!]/g, (ch) => LEET[ch] ?? ch)
}

/**
 * True when the password is the email address, contains its local part, or contains the person's
 * name (spaces ignored). Parts shorter than 4 characters are compared whole only, so "Al" or
 * "jo@…" do not forbid every password that happens to contain those letters.
 */
function containsAccountDetail(lower: string, email?: string | null, name?: string | null): boolean {
  const compact = lower.replace(/\s+/g, '')
  const parts: string[] = []
  const normalisedEmail = email?.trim().toLowerCase()
  if (normalisedEmail) {
    if (compact === normalisedEmail.replace(/\s+/g, '')) return true
    const local = normalisedEmail.split('@')[0]
    if (local) parts.push(local)
  }
  const normalisedName = name?.trim().toLowerCase()
  if (normalisedName) parts.push(normalisedName.replace(/\s+/g, ''))
  return parts.some((part) => (part.length >= 4 ? compact.includes(part) : compact === part))
}
