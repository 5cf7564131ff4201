/** One whole protocol message: its type (`''` for a start-up packet, which has none) and its bytes. */
export interface Message {
  type: string
  /** The whole message as it came, type byte and length included (what gets forwarded). */
  bytes: Buffer
  /** The payload after the length. */
  body: Buffer
}

/**
 * Splits a PostgreSQL byte stream into whole messages, however TCP cut it: a chunk may end in the
 * middle of a message, or carry several. A client's stream starts with untyped start-up packets
 * (SSLRequest, GSSENCRequest, CancelRequest, StartupMessage: a length, then the payload); the caller
 * sets {@link typed} once the start-up is done, since only it knows when that is.
 */
export class MessageReader {
  typed: boolean
  private buffer: Buffer = Buffer.alloc(0)

  constructor(options: { typed: boolean }) {
    this.typed = options.typed
  }

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
  }

  /** The next whole message, or undefined until more bytes arrive. */
  next(): Message | undefined {
    const header = this.typed ? 5 : 4
    if (this.buffer.length < header) return undefined
    const lengthAt = this.typed ? 1 : 0
    const length = this.buffer.readInt32BE(lengthAt)
    if (length < 4) throw new Error(`pg-pooler: malformed message (length ${length})`)
    const total = lengthAt + length
    if (this.buffer.length < total) return undefined
    const bytes = this.buffer.subarray(0, total)
    this.buffer = this.buffer.subarray(total)
    return {
      type: this.typed ? String.fromCharCode(bytes[0] as number) : '',
      bytes,
      body: bytes.subarray(header),
    }
  }
}
