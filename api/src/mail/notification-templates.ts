import { isNotificationKind, KIND_LABELS, type NotificationKind } from '../notifications/kinds.ts'
import { type Payload, recipient, str, when } from './payload.ts'
import type { Rendered, Template } from './templates.ts'

// The notification e-mails: one per kind (`notification.<kind>`, written by notifications/index.ts)
// and the daily digest (`notification.digest`, notifications/digest.ts). Each links to its dashboard
// page and carries a one-click unsubscribe (compose.ts signs it from `userId` and the scope).

/** Why the person gets this kind, said under the message, with where to change it. */
const REASONS: Record<NotificationKind, string> = {
  version_uploaded: 'You get this e-mail because the studio uploaded a new version of your work.',
  version_approved: 'You get this e-mail because a client approved a version.',
  changes_requested: 'You get this e-mail because a client asked for changes.',
  comment_added: 'You get this e-mail because someone commented on a version you follow.',
  automation_failed: 'You get this e-mail because an automation of your company failed.',
}

/** The words of the link to the page, per kind. */
const ACTIONS: Record<NotificationKind, string> = {
  version_uploaded: 'Review the new version in the dashboard',
  version_approved: 'Open the version in the dashboard',
  changes_requested: 'Read the requested changes in the dashboard',
  comment_added: 'Read the comment in the dashboard',
  automation_failed: 'Open the automation in the dashboard',
}

const preferencesLine = (origin: string) =>
  `Choose how you hear about each kind on your profile: ${origin}/dashboard/profile#notifications`

function notificationTemplate(kind: NotificationKind): Template {
  return {
    secretKeys: [],
    render(payload): Rendered | null {
      const to = recipient(payload)
      const userId = str(payload, 'userId')
      const title = str(payload, 'title')
      const url = str(payload, 'url')
      const origin = str(payload, 'origin')
      if (!to || !userId || !title || !url || !origin) return null
      const excerpt = str(payload, 'excerpt')
      return {
        to,
        parts: {
          subject: str(payload, 'subject') ?? title,
          heading: title,
          paragraphs: excerpt ? [`“${excerpt}”`] : [],
          action: { label: ACTIONS[kind], url },
          footer: [REASONS[kind], preferencesLine(origin)],
        },
        unsubscribe: { userId, scope: kind, origin },
      }
    },
  }
}

/** One line of the digest: what happened, and when. */
interface DigestItem {
  kind: NotificationKind
  title: string
  url: string
  createdAt: string
}

function digestItems(payload: Payload): DigestItem[] | null {
  const items = payload.items
  if (!Array.isArray(items) || items.length === 0) return null
  const valid = items.filter(
    (item): item is DigestItem =>
      typeof item === 'object' &&
      item !== null &&
      isNotificationKind((item as DigestItem).kind) &&
      typeof (item as DigestItem).title === 'string' &&
      typeof (item as DigestItem).url === 'string',
  )
  return valid.length > 0 ? valid : null
}

const digest: Template = {
  secretKeys: [],
  render(payload): Rendered | null {
    const to = recipient(payload)
    const userId = str(payload, 'userId')
    const origin = str(payload, 'origin')
    const items = digestItems(payload)
    if (!to || !userId || !origin || !items) return null
    const count = items.length === 1 ? 'one update' : `${items.length} updates`
    return {
      to,
      parts: {
        subject: `Your Kairo digest: ${count}`,
        heading: `Your daily digest: ${count}`,
        paragraphs: items.map((item) => {
          const at = when(item.createdAt)
          return `${item.title}${at ? ` (${at})` : ''}\n${item.url}`
        }),
        action: {
          label: 'Open your notifications in the dashboard',
          url: `${origin}/dashboard/notifications`,
        },
        footer: [
          `You get this digest for: ${[...new Set(items.map((i) => KIND_LABELS[i.kind].toLowerCase()))].join('; ')}.`,
          preferencesLine(origin),
        ],
      },
      unsubscribe: { userId, scope: 'digest', origin },
    }
  },
}

export const NOTIFICATION_TEMPLATES: Record<string, Template> = {
  'notification.version_uploaded': notificationTemplate('version_uploaded'),
  'notification.version_approved': notificationTemplate('version_approved'),
  'notification.changes_requested': notificationTemplate('changes_requested'),
  'notification.comment_added': notificationTemplate('comment_added'),
  'notification.automation_failed': notificationTemplate('automation_failed'),
  'notification.digest': digest,
}
