import { z } from '@hono/zod-openapi'
import type { UserRole } from '@kairo/db'
import { USER_ROLES } from '../../../data/users.ts'
import { blankToUndefined, SEARCH_MAX_LENGTH, searchText } from '../../../lib/form.ts'

// The users' inputs, shared by the pages' forms and `/api/v1/users`.

export const ROLE_LABELS: Record<UserRole, string> = { admin: 'Admin', team: 'Team', client: 'Client' }

const role = z.enum(USER_ROLES as [UserRole, ...UserRole[]], {
  error: 'Choose a role: admin, team or client',
})

/** `?q=&page=`: a search in names and e-mails (blank means none) and the page. */
export const userListQuery = z.object({
  q: z.preprocess(
    searchText,
    z
      .string()
      .max(SEARCH_MAX_LENGTH)
      .optional()
      .openapi({ description: 'Name or e-mail contains (any case)' }),
  ),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Give a page number' }).int().min(1).optional(),
  ),
})

/** The role form. */
export const userRoleInput = z.object({ role })

/** `PATCH /api/v1/users/{id}`: a new role, the account disabled or enabled, or both. */
export const userPatchInput = z
  .object({
    role: role.optional(),
    disabled: z.boolean({ error: 'Send disabled as true or false' }).optional(),
  })
  .refine((input) => input.role !== undefined || input.disabled !== undefined, {
    message: 'Send a role, disabled, or both',
    path: ['role'],
  })
