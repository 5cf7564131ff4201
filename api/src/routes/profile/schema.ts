import { z } from '@hono/zod-openapi'
import { newEmailField, passwordInput } from '../auth/schema.ts'

// The profile's inputs, shared by the forms on /dashboard/profile and `/api/v1/me`.

export const nameField = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'Enter a name of at most 120 characters')
  .openapi({ example: 'Ada Lovelace' })

export const currentPasswordField = passwordInput('Enter your current password')

export const nameSchema = z.object({ name: nameField })

export const emailChangeSchema = z.object({ email: newEmailField, currentPassword: currentPasswordField })

/** The new password's policy (`checkNewPassword`) runs after this, with the account's details. */
export const passwordChangeSchema = z
  .object({ currentPassword: currentPasswordField, newPassword: passwordInput('Enter a new password') })
  .openapi('PasswordChange')

/** One session handle, as the "sign out" buttons send it. */
export const sessionHandleField = z.string().regex(/^[0-9a-f]{32}$/, 'Choose a session from the list')
