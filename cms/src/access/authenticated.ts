import type { AccessArgs } from 'payload'

import type { User } from '../payload-types.ts'

/** Grants the operation to any signed-in user (admin or editor). */
export const authenticated = ({ req: { user } }: AccessArgs<User>): boolean => Boolean(user)
