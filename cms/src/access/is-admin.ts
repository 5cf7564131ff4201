import type { AccessArgs } from 'payload'

import type { User } from '../payload-types.ts'

/** Grants the operation only to users whose role is `admin`. */
export const isAdmin = ({ req: { user } }: AccessArgs<User>): boolean => user?.role === 'admin'
