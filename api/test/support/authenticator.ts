import { encodeBase64urlNoPadding } from '@oslojs/encoding'
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'

// A passkey authenticator in software, for the tests: an ES256 key made with WebCrypto, and the
// WebAuthn structures a browser would hand back, built here from the specification (CBOR, the
// authenticator data, attestation "none", a DER signature), not with the server library's helpers,
// so the server is checked against an independent encoding. Options let a test break one thing at a
// time (origin, user verification, the counter, the user handle).

const encoder = new TextEncoder()
const FLAG_UP = 0x01
const FLAG_UV = 0x04
const FLAG_AT = 0x40

type Cbor = number | string | Uint8Array | CborMap | { [key: string]: Cbor }
interface CborMap extends Map<Cbor, Cbor> {}

/** Just enough CBOR (RFC 8949) for attestation objects and COSE keys. */
function cbor(value: Cbor): Uint8Array {
  const head = (major: number, length: number): number[] => {
    if (length < 24) return [(major << 5) | length]
    if (length < 256) return [(major << 5) | 24, length]
    return [(major << 5) | 25, length >> 8, length & 0xff]
  }
  if (typeof value === 'number') return Uint8Array.from(value >= 0 ? head(0, value) : head(1, -1 - value))
  if (typeof value === 'string') {
    const bytes = encoder.encode(value)
    return concat(Uint8Array.from(head(3, bytes.length)), bytes)
  }
  if (value instanceof Uint8Array) return concat(Uint8Array.from(head(2, value.length)), value)
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value)
  return concat(Uint8Array.from(head(5, entries.length)), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)]))
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
}

/** WebCrypto's ECDSA signature (r‖s) as the DER sequence WebAuthn carries. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0
    while (start < bytes.length - 1 && bytes[start] === 0) start++
    const trimmed = bytes.slice(start)
    const padded = (trimmed[0] as number) & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed
    return concat(Uint8Array.of(0x02, padded.length), padded)
  }
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)))
  return concat(Uint8Array.of(0x30, body.length), body)
}

const b64url = (bytes: Uint8Array) => encodeBase64urlNoPadding(bytes)

/** What a test can change about one ceremony. */
export interface CeremonyOptions {
  /** The page's origin as the browser reports it (default: the tests' `http://localhost`). */
  origin?: string
  /** Whether the authenticator verified the user (PIN, biometrics). */
  userVerified?: boolean
  /** The signature counter to report (default: one more than the last). */
  counter?: number
  /** The user handle to report on sign-in (default: the one registered). */
  userHandle?: string
}

export class SoftwareAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16))
  private keys: CryptoKeyPair | null = null
  private counter = 0
  private userHandle: string | null = null

  get id(): string {
    return b64url(this.credentialId)
  }

  private async keyPair(): Promise<CryptoKeyPair> {
    this.keys ??= (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    return this.keys
  }

  private async authData(rpId: string, flags: number, counter: number, attested?: Uint8Array) {
    const count = new Uint8Array(4)
    new DataView(count.buffer).setUint32(0, counter)
    return concat(
      await sha256(encoder.encode(rpId)),
      Uint8Array.of(flags),
      count,
      attested ?? new Uint8Array(0),
    )
  }

  /** The answer to `navigator.credentials.create()` with attestation "none". */
  async register(
    options: PublicKeyCredentialCreationOptionsJSON,
    ceremony: CeremonyOptions = {},
  ): Promise<RegistrationResponseJSON> {
    const origin = ceremony.origin ?? 'http://localhost'
    const raw = new Uint8Array(
      (await crypto.subtle.exportKey('raw', (await this.keyPair()).publicKey)) as ArrayBuffer,
    )
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, raw.slice(1, 33)],
        [-3, raw.slice(33, 65)],
      ]),
    )
    const idLength = Uint8Array.of(this.credentialId.length >> 8, this.credentialId.length & 0xff)
    const attested = concat(new Uint8Array(16), idLength, this.credentialId, coseKey)
    const flags = FLAG_UP | FLAG_AT | (ceremony.userVerified === false ? 0 : FLAG_UV)
    this.counter = ceremony.counter ?? 0
    const authData = await this.authData(options.rp.id ?? 'localhost', flags, this.counter, attested)
    this.userHandle = options.user.id
    const clientData = { type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false }
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(encoder.encode(JSON.stringify(clientData))),
        attestationObject: b64url(cbor({ fmt: 'none', attStmt: {}, authData })),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }

  /** The answer to `navigator.credentials.get()`, signed with the passkey's key. */
  async assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    ceremony: CeremonyOptions = {},
  ): Promise<AuthenticationResponseJSON> {
    const origin = ceremony.origin ?? 'http://localhost'
    this.counter = ceremony.counter ?? this.counter + 1
    const flags = FLAG_UP | (ceremony.userVerified === false ? 0 : FLAG_UV)
    const authData = await this.authData(options.rpId ?? 'localhost', flags, this.counter)
    const clientDataJSON = encoder.encode(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }),
    )
    const signed = concat(authData, await sha256(clientDataJSON))
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, (await this.keyPair()).privateKey, signed),
    )
    const userHandle = ceremony.userHandle ?? this.userHandle ?? undefined
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(derSignature(raw)),
        userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }
}
