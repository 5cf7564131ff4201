import { z } from '@hono/zod-openapi'
import { PASSWORD_MAX_LENGTH } from '../../auth/password-policy.ts'

// The sign-in and password-reset inputs, shared by the forms and `/api/v1/session`.

/** An email field as typed; the sign-in form checks presence and length only, so a stored address
 * that a stricter pattern would refuse can still sign in. */
export const emailField = z
  .string({ error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Enter an email address of at most 254 characters')
  .openapi({ example: 'ada@example.com' })

/** A new address must look like one. */
export const newEmailField = emailField.pipe(z.email('Enter an email address like name@example.com'))

/**
 * A password as typed (never trimmed: spaces are part of it), required, with `missing` as the
 * message when empty. Longer than any allowed password means it cannot be right, and keeps
 * megabytes away from the hash.
 */
export function passwordInput(missing: string) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .max(PASSWORD_MAX_LENGTH * 4, 'That password is longer than any account can have')
}

export const passwordField = passwordInput('Enter your password')

export const signInSchema = z.object({ email: emailField, password: passwordField }).openapi('SignIn')
export type SignInInput = z.infer<typeof signInSchema>

export const resetRequestSchema = z.object({ email: newEmailField })

/** The new password on the reset page; the policy (`checkNewPassword`) runs after this. */
export const newPasswordSchema = z.object({ password: passwordInput('Enter a new password') })
