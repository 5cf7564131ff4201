import { z } from '@hono/zod-openapi'
import { blankToUndefined } from '../../../lib/form.ts'

// The outbox view's inputs, shared by the page and `/api/v1/outbox`.

export const outboxListQuery = z.object({
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Give a page number' }).int().min(1).optional(),
  ),
})

/** What each outbox kind is, in words. */
export const KIND_LABELS: Record<string, string> = {
  'auth.password_reset': 'Password reset link',
  'auth.invitation': 'Invitation',
  'auth.email_changed': 'E-mail address changed',
  'auth.password_changed': 'Password changed',
  'lead.notification': 'New lead (to the studio)',
  'notification.version_uploaded': 'New version (notification)',
  'notification.version_approved': 'Version approved (notification)',
  'notification.changes_requested': 'Changes requested (notification)',
  'notification.comment_added': 'New comment (notification)',
  'notification.automation_failed': 'Automation run failed (notification)',
  'notification.digest': 'Daily digest',
}
