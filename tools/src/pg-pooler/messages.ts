// Builders and parsers for the few PostgreSQL v3 messages the pooler writes or reads itself;
// everything else passes through as bytes (https://www.postgresql.org/docs/current/protocol-message-formats.html).

export const PROTOCOL_3_0 = 196608
export const CANCEL_REQUEST = 80877102
export const SSL_REQUEST = 80877103
export const GSSENC_REQUEST = 80877104

const cstring = (value: string) => Buffer.from(`${value}\0`, 'utf8')

const int32 = (value: number) => {
  const bytes = Buffer.alloc(4)
  bytes.writeInt32BE(value)
  return bytes
}

/** A typed message: the type byte, the length (itself included), the body. */
export function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([Buffer.from(type, 'latin1'), int32(body.length + 4), body])
}

export const authenticationOk = () => message('R', int32(0))
export const parameterStatus = (name: string, value: string) => message('S', cstring(name), cstring(value))
export const backendKeyData = (pid: number, secret: number) => message('K', int32(pid), int32(secret))
export const readyForQuery = (status: 'I' | 'T' | 'E') => message('Z', Buffer.from(status, 'latin1'))
export const noSsl = () => Buffer.from('N', 'latin1')

/** NegotiateProtocolVersion: we speak 3.0 only, and none of the `_pq_.` options the client asked for. */
export const negotiateProtocolVersion = (unsupported: string[]) =>
  message('v', int32(PROTOCOL_3_0 & 0xffff), int32(unsupported.length), ...unsupported.map(cstring))

export function errorResponse(severity: 'ERROR' | 'FATAL', code: string, text: string): Buffer {
  return message(
    'E',
    Buffer.from('S', 'latin1'),
    cstring(severity),
    Buffer.from('V', 'latin1'),
    cstring(severity),
    Buffer.from('C', 'latin1'),
    cstring(code),
    Buffer.from('M', 'latin1'),
    cstring(text),
    Buffer.from([0]),
  )
}

/** The StartupMessage a client sends: protocol 3.0 and its parameters as name/value C strings. */
export function startupMessage(parameters: Record<string, string>): Buffer {
  const pairs = Object.entries(parameters).flatMap(([name, value]) => [cstring(name), cstring(value)])
  const body = Buffer.concat([int32(PROTOCOL_3_0), ...pairs, Buffer.from([0])])
  return Buffer.concat([int32(body.length + 4), body])
}

export const passwordMessage = (password: string) => message('p', cstring(password))
export const saslInitialResponse = (mechanism: string, data: string) => {
  const bytes = Buffer.from(data, 'utf8')
  return message('p', cstring(mechanism), int32(bytes.length), bytes)
}
export const saslResponse = (data: string) => message('p', Buffer.from(data, 'utf8'))

/** The C strings of a body, split at NUL (a StartupMessage's parameters, a SASL mechanism list). */
export function cstrings(body: Buffer): string[] {
  const strings: string[] = []
  let start = 0
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 0) continue
    strings.push(body.toString('utf8', start, i))
    start = i + 1
  }
  return strings
}

/** The fields of an ErrorResponse or NoticeResponse, keyed by field type ('S', 'C', 'M'…). */
export function errorFields(body: Buffer): Record<string, string> {
  const fields: Record<string, string> = {}
  let at = 0
  while (at < body.length && body[at] !== 0) {
    const end = body.indexOf(0, at + 1)
    if (end < 0) break
    fields[String.fromCharCode(body[at] as number)] = body.toString('utf8', at + 1, end)
    at = end + 1
  }
  return fields
}
