import { z } from 'zod'

// The acceptance form: the new account's name and password. The password's rules (length, common
// passwords, not the name or email) are `checkNewPassword`'s, applied after this shape check.

export const ACCEPT_FIELDS = ['name', 'password'] as const

export const acceptInput = z.object({
  name: z.preprocess(
    (value) => value ?? '',
    z
      .string({ error: 'Enter your name as text' })
      .trim()
      .min(1, 'Enter your name')
      .max(120, 'Enter a name of at most 120 characters'),
  ),
  // Not trimmed: spaces are part of a passphrase.
  password: z.preprocess((value) => value ?? '', z.string({ error: 'Enter a password as text' })),
})
