import type { UnsubscribeScope } from '../notifications/unsubscribe-token.ts'
import type { Mailbox } from './config.ts'
import type { EmailParts } from './layout.ts'
import { NOTIFICATION_TEMPLATES } from './notification-templates.ts'
import { greeting, type Payload, recipient, str, when } from './payload.ts'

// What each outbox kind says, to whom, and which payload keys are secrets (removed from the row once
// the message is delivered: a reset or invitation link must not outlive its e-mail in the table).
// Payload shapes are written by: auth/password-reset.ts, auth/account.ts, data/invitations.ts,
// routes/contact/store.ts, notifications/ (notification-templates.ts).

/** One kind's template: its recipient and parts from the payload, or null when the payload lacks them. */
export interface Template {
  /** Payload keys that hold a secret (a link with a token). */
  secretKeys: readonly string[]
  render(payload: Payload, context: TemplateContext): Rendered | null
}

export interface Rendered {
  to: Mailbox
  replyTo?: Mailbox
  parts: EmailParts
  /**
   * Whose e-mails of which kind the message's one-click unsubscribe turns off, and the origin of its
   * link; compose.ts signs the link and adds the `List-Unsubscribe` headers and the visible link.
   */
  unsubscribe?: { userId: string; scope: UnsubscribeScope; origin: string }
}

export interface TemplateContext {
  /** Where lead notifications go (`MAIL_LEADS_TO`). */
  leadsTo: Mailbox
}

const ROLE_WORDS: Record<string, string> = { client: 'a client', team: 'a team member', admin: 'an admin' }

export const TEMPLATES: Record<string, Template> = {
  'auth.password_reset': {
    secretKeys: ['url'],
    render(payload) {
      const to = recipient(payload)
      const url = str(payload, 'url')
      if (!to || !url) return null
      const expires = when(str(payload, 'expiresAt'))
      return {
        to,
        parts: {
          subject: 'Reset your Kairo password',
          heading: 'Reset your password',
          paragraphs: [greeting(payload), 'Someone asked to reset the password of your Kairo account.'],
          action: { label: 'Choose a new password', url },
          footer: [
            `The link works once${expires ? ` until ${expires}` : ' for an hour'}.`,
            'If you did not ask for this, ignore this e-mail: your password stays as it is.',
          ],
        },
      }
    },
  },
  'auth.invitation': {
    secretKeys: ['acceptUrl'],
    render(payload) {
      const email = str(payload, 'to')
      const url = str(payload, 'acceptUrl')
      if (!email || !url) return null
      const role = ROLE_WORDS[str(payload, 'role') ?? ''] ?? 'a member'
      const company = str(payload, 'companyName')
      const invitedBy = str(payload, 'invitedBy') ?? 'The studio'
      const expires = when(str(payload, 'expiresAt'))
      return {
        to: { email },
        parts: {
          subject: 'You are invited to Kairo',
          heading: 'You are invited to Kairo',
          paragraphs: [`${invitedBy} invited you to Kairo as ${role}${company ? ` of ${company}` : ''}.`],
          action: { label: 'Accept the invitation', url },
          footer: [
            `The link works once${expires ? `, until ${expires}` : ''}.`,
            'If you were not expecting this, ignore this e-mail.',
          ],
        },
      }
    },
  },
  'auth.email_changed': {
    secretKeys: [],
    render(payload) {
      const to = recipient(payload)
      if (!to) return null
      return {
        to,
        parts: {
          subject: 'Your Kairo e-mail address was changed',
          heading: 'Your e-mail address was changed',
          paragraphs: [
            greeting(payload),
            'The e-mail address of your Kairo account was changed; this address no longer signs in.',
            'If you did not do this, reply to this e-mail or contact the studio at once.',
          ],
        },
      }
    },
  },
  'auth.password_changed': {
    secretKeys: [],
    render(payload) {
      const to = recipient(payload)
      if (!to) return null
      return {
        to,
        parts: {
          subject: 'Your Kairo password was changed',
          heading: 'Your password was changed',
          paragraphs: [
            greeting(payload),
            'The password of your Kairo account was changed, and every other device was signed out.',
            'If you did not do this, reset your password from the sign-in page and contact the studio.',
          ],
        },
      }
    },
  },
  'auth.second_factor_reset': {
    secretKeys: [],
    render(payload) {
      const to = recipient(payload)
      if (!to) return null
      return {
        to,
        parts: {
          subject: 'The second factor of your Kairo account was reset',
          heading: 'Your second factor was reset',
          paragraphs: [
            greeting(payload),
            'An admin of the studio removed the authenticator app, recovery codes and passkeys of your Kairo account, and signed it out everywhere. Your password is unchanged; if your role needs a second factor, you will set one up at your next sign-in.',
            'If you did not ask for this, contact the studio at once.',
          ],
        },
      }
    },
  },
  'lead.notification': {
    secretKeys: [],
    render(payload, context) {
      const name = str(payload, 'name')
      const email = str(payload, 'email')
      const message = str(payload, 'message')
      if (!name || !email || !message) return null
      const company = str(payload, 'company')
      const url = str(payload, 'leadUrl')
      const received = when(str(payload, 'receivedAt'))
      return {
        to: context.leadsTo,
        // Replying answers the visitor, not the Worker's sender address.
        replyTo: { name, email },
        parts: {
          subject: `New lead: ${name}${company ? ` (${company})` : ''}`,
          heading: 'A new lead from the contact form',
          paragraphs: [
            `From: ${name} <${email}>${company ? `\nCompany: ${company}` : ''}${received ? `\nReceived: ${received}` : ''}`,
            message,
          ],
          ...(url ? { action: { label: 'Open the lead in the dashboard', url } } : {}),
          footer: ['Reply to this e-mail to answer the visitor.'],
        },
      }
    },
  },
  ...NOTIFICATION_TEMPLATES,
}
