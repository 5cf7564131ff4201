import { describe, expect, it } from 'vitest'
import { composeMessage, messageIdFor } from './compose.ts'

const config = {
  from: { name: 'Kairo', email: 'hello@studio.example' },
  leadsTo: { email: 'studio@studio.example' },
}

describe('composeMessage', () => {
  it('derives the Message-ID from the row id alone: the same on every attempt', () => {
    const row = {
      id: '0b7c5a8e-3f5e-4a43-9a55-0a4f2b8e6f11',
      kind: 'auth.password_changed',
      payload: { to: 'a@b.example' },
    }
    const first = composeMessage(row, config)
    const second = composeMessage({ ...row, payload: { ...row.payload, name: 'Changed' } }, config)
    expect(first.ok && first.message.messageId).toBe('<0b7c5a8e-3f5e-4a43-9a55-0a4f2b8e6f11@studio.example>')
    expect(second.ok && second.message.messageId).toBe(first.ok && first.message.messageId)
    expect(messageIdFor('x', { email: 'a@mail.studio.example' })).toBe('<x@mail.studio.example>')
  })

  it('writes a plain-text body and an accessible HTML twin with the link as its own line', () => {
    const url = 'https://studio.example/invite/a.b'
    const composed = composeMessage(
      {
        id: 'r1',
        kind: 'auth.invitation',
        payload: {
          to: 'new@c.example',
          role: 'client',
          companyName: 'Orbital Labs',
          invitedBy: 'Ada',
          acceptUrl: url,
        },
      },
      config,
    )
    if (!composed.ok) throw new Error(composed.reason)
    expect(composed.message.text).toContain('Ada invited you to Kairo as a client of Orbital Labs.')
    expect(composed.message.text).toContain(`Accept the invitation:\n${url}`)
    expect(composed.message.html).toContain('<html lang="en">')
    expect(composed.message.html).toContain('<title>You are invited to Kairo</title>')
    expect(composed.message.html).toContain(`<a href="${url}"`)
    expect(composed.message.html.match(/<h1/g)).toHaveLength(1)
  })

  it('adds one-click unsubscribe to notification e-mails only', () => {
    const payload = {
      to: 'c@d.example',
      userId: '0b7c5a8e-3f5e-4a43-9a55-0a4f2b8e6f11',
      title: 'Ada approved version 2 of Brand book (Launch)',
      url: 'https://studio.example/dashboard/projects/p1',
      origin: 'https://studio.example',
    }
    const keyed = { ...config, unsubscribeKey: 'k'.repeat(40) }
    const notification = composeMessage({ id: 'n1', kind: 'notification.version_approved', payload }, keyed)
    if (!notification.ok) throw new Error(notification.reason)
    expect(notification.message.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/studio\.example\/unsubscribe\/[a-z2-7]{28}\.[a-z2-7]{26}>$/,
    )
    expect(notification.message.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const reset = composeMessage(
      { id: 'r2', kind: 'auth.password_reset', payload: { to: 'a@b.example', url: 'https://x.example/r' } },
      keyed,
    )
    expect(reset.ok && reset.message.headers).toBeUndefined()
    expect(reset.ok && reset.message.text).not.toContain('Unsubscribe')
  })
})
