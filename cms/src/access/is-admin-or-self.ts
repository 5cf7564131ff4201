import type { AccessArgs, Where } from 'payload'

import type { User } from '../payload-types.ts'

/** Admins act on every user; anyone else signed in only on their own account (e.g. a password change). */
export const isAdminOrSelf = ({ req: { user } }: AccessArgs<User>): boolean | Where => {
  if (!user) return false
  if (user.role === 'admin') return true
  return { id: { equals: user.id } }
}
