// SHA-256 in the forms the upload and download need: hex (the column, R2's checksum), the
// `sha-256=:…:` of `Repr-Digest` (RFC 9530) and a stream that checks a download as it passes.

/** Lower-case hex of a digest. */
export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Base64 of a hex digest (the digest fields of HTTP carry base64). */
export function hexToBase64(hex: string): string {
  const bytes = hex.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? []
  return btoa(String.fromCharCode(...bytes))
}

/**
 * `source` passed through while hashed, failing instead of finishing when the bytes' SHA-256 is not
 * `expectedHex`. The last chunk is held back until the digest is known, so a reader of a corrupt
 * object never receives the whole length and cannot mistake it for the file. (A pulled stream rather
 * than `pipeThrough`: the failure then reaches the reader alone, not an unawaited pipe as well.)
 */
export function verifiedBody(
  source: ReadableStream<Uint8Array>,
  expectedHex: string,
): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  const digest = new crypto.DigestStream('SHA-256')
  const writer = digest.getWriter()
  digest.digest.catch(() => {})
  let held: Uint8Array | null = null
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await reader.read()
      if (!done) {
        await writer.write(value)
        if (held) controller.enqueue(held)
        held = value
        return
      }
      await writer.close()
      const actual = toHex(await digest.digest)
      if (actual !== expectedHex) {
        controller.error(new Error(`download: SHA-256 ${actual} is not the recorded ${expectedHex}`))
        return
      }
      if (held) controller.enqueue(held)
      controller.close()
    },
    async cancel(reason) {
      await writer.abort(reason).catch(() => {})
      await reader.cancel(reason)
    },
  })
}
