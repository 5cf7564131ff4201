import { z } from '@hono/zod-openapi'
import type { UserRole } from '@kairo/db'
import { INVITATION_STATUSES, type InvitationStatus } from '../../../data/invitations.ts'
import { USER_ROLES } from '../../../data/users.ts'
import { blankToUndefined } from '../../../lib/form.ts'

// The invitations' inputs, shared by the pages' forms and `/api/v1/invitations`.

export const INVITATION_FIELDS = ['email', 'role', 'companyId'] as const

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
}

export const invitationListQuery = z.object({
  status: z.preprocess(
    blankToUndefined,
    z.enum(INVITATION_STATUSES, { error: `Choose a status: ${INVITATION_STATUSES.join(', ')}` }).optional(),
  ),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Give a page number' }).int().min(1).optional(),
  ),
})

export const invitationInput = z.object({
  email: z.preprocess(
    (value) => value ?? '',
    z
      .string({ error: 'Enter an email address as text' })
      .trim()
      .min(1, 'Enter the email address to invite')
      .max(254, 'Enter an email address of at most 254 characters')
      .pipe(z.email('Enter an email address like name@example.com'))
      // One account per address whatever its case (see users_email_lower_key).
      .transform((email) => email.toLowerCase()),
  ),
  role: z.preprocess(
    (value) => value ?? 'client',
    z.enum(USER_ROLES as [UserRole, ...UserRole[]], { error: 'Choose a role: client, team or admin' }),
  ),
  companyId: z.preprocess(blankToUndefined, z.uuid("Choose the client's company from the list").optional()),
})

export type InvitationInput = z.infer<typeof invitationInput>
