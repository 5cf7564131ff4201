import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const email = `editor-${uniqueSuffix()}@kairo.test`
const password = 'correct-horse-battery-staple'
let userId: number | undefined

beforeAll(async () => {
  payload = await startPayload()
  const user = await payload.create({ collection: 'users', data: { email, password, role: 'editor' } })
  userId = user.id
})

afterAll(async () => {
  if (!payload) return
  if (userId !== undefined) await payload.delete({ collection: 'users', id: userId })
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
