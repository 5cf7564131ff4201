import { z } from '@hono/zod-openapi'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'

// The browser's answer to a passkey ceremony arrives as JSON in a form field (the page's script puts
// it there). Its shape is checked before the library sees it, so a hand-made post gets a plain "not
// verified" instead of a thrown error, and no field can be megabytes long.

const base64url = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]*$/)
const common = {
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
}

const registrationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(32)).max(8).optional(),
  }),
})

const authenticationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
})

function parse<S extends z.ZodType>(schema: S, text: string): z.output<S> | null {
  if (text === '' || text.length > 16_384) return null
  try {
    const result = schema.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

/** A registration answer (`navigator.credentials.create()`), or null when it is not shaped like one. */
export function parseRegistrationResponse(text: string): RegistrationResponseJSON | null {
  return parse(registrationSchema, text) as RegistrationResponseJSON | null
}

/** A sign-in answer (`navigator.credentials.get()`), or null when it is not shaped like one. */
export function parseAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  return parse(authenticationSchema, text) as AuthenticationResponseJSON | null
}
