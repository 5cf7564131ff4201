import type { FieldAccess } from 'payload'

import type { User } from '../payload-types.ts'

/** Field-level twin of `isAdmin`: only admins may write the guarded field (e.g. a user's role). */
export const isAdminField: FieldAccess<{ id: number }, User> = ({ req: { user } }) => user?.role === 'admin'
