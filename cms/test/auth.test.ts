import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const email = `editor-${uniqueSuffix()}@kairo.test`
const password = 'correct-horse-battery-staple'
const createdIds: number[] = []

beforeAll(async () => {
  payload = await startPayload()
  // The very first user of an empty CMS becomes an admin (hooks/first-user-is-admin.ts), so make sure
  // one exists before creating the editor whose role this test checks.
  const admin = await payload.create({
    collection: 'users',
    data: { email: `admin-${uniqueSuffix()}@kairo.test`, password, role: 'admin' },
  })
  const editor = await payload.create({ collection: 'users', data: { email, password, role: 'editor' } })
  createdIds.push(editor.id, admin.id)
})

afterAll(async () => {
  if (!payload) return
  for (const id of createdIds) await payload.delete({ collection: 'users', id })
  await payload.destroy()
})

describe('editor login', () => {
  it('succeeds with the right password and returns a token for that editor', async () => {
    const result = await payload.login({ collection: 'users', data: { email, password } })
    expect(result.token).toEqual(expect.any(String))
    expect(result.user).toMatchObject({ email, role: 'editor' })
  })

  it('fails with a wrong password', async () => {
    const attempt = payload.login({ collection: 'users', data: { email, password: `${password}-wrong` } })
    await expect(attempt).rejects.toMatchObject({ name: 'AuthenticationError' })
  })
})
