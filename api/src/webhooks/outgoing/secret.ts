import { encodeBase64urlNoPadding } from '@oslojs/encoding'
import { hmacSha256 } from '../keys.ts'

// An outgoing endpoint's signing secret, held the way the run webhook's is (webhooks/keys.ts): the
// endpoint stores a random public key id, and the secret is derived from it under the Worker's
// `WEBHOOK_SIGNING_KEY`:
//
//   secret = base64url(HMAC-SHA256(WEBHOOK_SIGNING_KEY, "kairo-outgoing-webhook:" + keyId))
//
// A purpose of its own, so no run webhook's secret is ever an endpoint's (their key ids come from the
// same generator). Rotating stores a new key id; deliveries signed from then on use the new secret.

const PURPOSE = 'kairo-outgoing-webhook:'
const encoder = new TextEncoder()

/** The signing secret of the endpoint whose key id is `keyId` (43 base64url characters). */
export async function endpointSecret(signingKey: string, keyId: string): Promise<string> {
  return encodeBase64urlNoPadding(await hmacSha256(signingKey, encoder.encode(PURPOSE + keyId)))
}
