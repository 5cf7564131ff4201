import { z } from '@hono/zod-openapi'
import { notificationDelivery } from '@kairo/db'
import { blankToUndefined } from '../lib/form.ts'
import { KIND_LABELS, type NotificationKind } from './kinds.ts'

// The notifications' inputs, shared by the dashboard's forms and `/api/v1`.

export const notificationListQuery = z.object({
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Give a page number' }).int().min(1).optional(),
  ),
})

const deliveries = notificationDelivery.enumValues

/** One kind's choice; the message names the kind, as the form's legend does. */
const deliveryOf = (kind: NotificationKind) =>
  z
    .enum(deliveries, {
      error: `${KIND_LABELS[kind]}: choose how you hear of it`,
    })
    .openapi({
      description: `${KIND_LABELS[kind]}: immediate (an e-mail each time), digest (a daily e-mail), off (only the dashboard)`,
    })

/** The profile's form: every kind is answered (its radios always send one). */
export const preferencesForm = z.object({
  version_uploaded: deliveryOf('version_uploaded'),
  version_approved: deliveryOf('version_approved'),
  changes_requested: deliveryOf('changes_requested'),
  comment_added: deliveryOf('comment_added'),
  automation_failed: deliveryOf('automation_failed'),
})

/** Every kind with its choice, as `/api/v1` answers. */
export const PreferencesSchema = preferencesForm.openapi('NotificationPreferences')

/** `PUT /api/v1/notification-preferences`: the kinds given change, the others keep their choice. */
export const preferencesBody = preferencesForm.partial().strict().openapi('NotificationPreferencesUpdate')
