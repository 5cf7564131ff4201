import {
  type NotificationDelivery,
  type NotificationKind,
  notificationDelivery,
  notificationKind,
} from '@kairo/db'

// The notification kinds and delivery choices in the words every page, e-mail and API answer uses.

export type { NotificationDelivery, NotificationKind }

/** Every kind, in the order the profile lists them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = notificationKind.enumValues

/** Every delivery choice; no preference row means `immediate`. */
export const NOTIFICATION_DELIVERIES: readonly NotificationDelivery[] = notificationDelivery.enumValues

/** What each kind is about, as the profile's legends and the unsubscribe page name it. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  version_uploaded: 'A new version is uploaded',
  version_approved: 'A client approves a version',
  changes_requested: 'A client requests changes',
  comment_added: 'A comment or reply on a version',
  automation_failed: 'An automation run fails',
}

/** The radio buttons' words for each delivery choice. */
export const DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  immediate: 'E-mail each time',
  digest: 'In a daily digest',
  off: 'Only in the dashboard',
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)
}
