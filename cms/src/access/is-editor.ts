import type { AccessArgs } from 'payload'

import type { User } from '../payload-types.ts'

/** Grants the operation to users who may author content: editors and admins. */
export const isEditor = ({ req: { user } }: AccessArgs<User>): boolean =>
  user?.role === 'editor' || user?.role === 'admin'
