import { type Database, recoveryCodes } from '@kairo/db'
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { and, eq, isNull } from 'drizzle-orm'

// Recovery codes: the way in when the authenticator app is lost. Ten at a time, each good once. A
// code is 16 base32 characters (80 random bits, shown as four groups of four), so storing a plain
// SHA-256 is enough: nobody can search 2^80 candidates per code from a leaked table. The hash is
// bound to the user's id, so the same code under two accounts hashes differently.

/** How many codes a set holds. */
export const RECOVERY_CODE_COUNT = 10
const CODE_BYTES = 10
const CODE = /^[a-z2-7]{16}$/

/** A new set of codes in clear, as shown to the person once (`xxxx-xxxx-xxxx-xxxx`). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(CODE_BYTES)))
    return (code.match(/.{4}/g) ?? []).join('-')
  })
}

/** A code as typed (any case, spaces or dashes anywhere), or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toLowerCase()
  return CODE.test(code) ? code : null
}

/** The stored hash of one code of `userId`. */
export function recoveryCodeHash(userId: string, code: string): Uint8Array {
  return sha256(new TextEncoder().encode(`kairo-recovery-code:${userId}:${code}`))
}

/**
 * Replaces the user's codes with `codes` (the old set stops working). Call inside the transaction
 * that enables the app or regenerates the set.
 */
export async function storeRecoveryCodes(tx: Database, userId: string, codes: string[]): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx.insert(recoveryCodes).values(
    codes.map((code) => ({
      userId,
      codeHash: recoveryCodeHash(userId, normaliseRecoveryCode(code) ?? code),
    })),
  )
}

/**
 * Spends one code: true when it was one of the user's unused codes. The conditional update lets
 * exactly one of two concurrent uses of the same code through.
 */
export async function useRecoveryCode(db: Database, userId: string, input: string): Promise<boolean> {
  const code = normaliseRecoveryCode(input)
  if (!code) return false
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, recoveryCodeHash(userId, code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id })
  return spent.length === 1
}
