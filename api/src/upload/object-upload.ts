import { toHex } from './digest.ts'
import { sanitizeFileName } from './file-name.ts'
import { type FileType, SNIFF_BYTES, sniffType } from './sniff.ts'

// One file streamed into the private bucket: bytes arrive chunk by chunk and leave in parts of a fixed
// size, so the Worker holds at most one part (plus the chunk in hand) whatever the file's size. The
// SHA-256 is computed as the bytes pass, and the type is taken from the first bytes before any part
// leaves. Nothing becomes an object until `commit`: a refused, cut-off or abandoned upload is aborted
// and leaves nothing in the bucket.

/** R2 wants every part but the last of one size, at least 5 MiB; 8 MiB keeps the parts few. */
export const PART_BYTES = 8 * 1024 * 1024
/** The part buffer starts this small and doubles up to {@link PART_BYTES}, so small files stay small. */
const FIRST_BUFFER_BYTES = 256 * 1024

/** Why an upload was refused, in words for the person who sent it. */
export interface UploadRefusal {
  reason: 'too_large' | 'unsupported_type' | 'empty'
  message: string
}

/** A file whose bytes are all in the bucket under `key`. */
export interface StoredFile {
  key: string
  /** The sanitised name it downloads as. */
  fileName: string
  type: FileType
  bytes: number
  /** Hex SHA-256 of the bytes. */
  sha256: string
}

export interface ObjectUploadOptions {
  /** The most bytes accepted (`DELIVERABLE_MAX_BYTES`). */
  maxBytes: number
  /** The name the uploader gave, sanitised once the type is known. */
  fileName: string
}

/** "100 MB": a limit in the units people read. */
export function describeLimit(bytes: number): string {
  const mib = bytes / (1024 * 1024)
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KiB` : `${bytes} bytes`
}

/**
 * Streams one file into `bucket` under `key`: `write` each chunk (it answers a refusal as soon as the
 * file is too large or its first bytes are not an accepted type), `end` when the body is over, then
 * `commit` to make the object, or `abort` to leave nothing. A file of one part is written with a
 * single `put` carrying its SHA-256, which R2 checks and keeps as the object's checksum; a larger one
 * is a multipart upload, completed only by `commit`.
 */
export class ObjectUpload {
  readonly #bucket: R2Bucket
  readonly #key: string
  readonly #options: ObjectUploadOptions
  readonly #digest = new crypto.DigestStream('SHA-256')
  readonly #digestWriter = this.#digest.getWriter()
  #buffer = new Uint8Array(0)
  #filled = 0
  #bytes = 0
  #type: FileType | null = null
  #multipart: R2MultipartUpload | null = null
  readonly #parts: R2UploadedPart[] = []
  #sha256: string | null = null
  #state: 'open' | 'ended' | 'committed' | 'aborted' = 'open'

  constructor(bucket: R2Bucket, key: string, options: ObjectUploadOptions) {
    this.#bucket = bucket
    this.#key = key
    this.#options = options
    // An aborted upload rejects the digest; nothing waits for it then, so the rejection is handled here.
    this.#digest.digest.catch(() => {})
  }

  /** Bytes received so far. */
  get bytes(): number {
    return this.#bytes
  }

  /** Takes the next chunk; a refusal means stop sending (call `abort`). */
  async write(chunk: Uint8Array): Promise<UploadRefusal | null> {
    if (this.#state !== 'open') throw new Error(`object-upload: write after ${this.#state}`)
    this.#bytes += chunk.length
    if (this.#bytes > this.#options.maxBytes) return this.#tooLarge()
    await this.#digestWriter.write(chunk)
    let offset = 0
    while (offset < chunk.length) {
      const take = Math.min(chunk.length - offset, PART_BYTES - this.#filled)
      this.#reserve(this.#filled + take)
      this.#buffer.set(chunk.subarray(offset, offset + take), this.#filled)
      this.#filled += take
      offset += take
      if (this.#type === null && this.#filled >= SNIFF_BYTES) {
        const refusal = this.#sniff(false)
        if (refusal) return refusal
      }
      if (this.#filled === PART_BYTES) await this.#sendPart()
    }
    return null
  }

  /** The body is over: decides the type of a short file, and refuses an empty one. */
  async end(): Promise<UploadRefusal | null> {
    if (this.#state !== 'open') throw new Error(`object-upload: end after ${this.#state}`)
    if (this.#bytes === 0)
      return { reason: 'empty', message: 'The file is empty. Choose a file with content.' }
    if (this.#type === null) {
      const refusal = this.#sniff(true)
      if (refusal) return refusal
    }
    await this.#digestWriter.close()
    this.#sha256 = toHex(await this.#digest.digest)
    this.#state = 'ended'
    return null
  }

  /** Makes the object (after `end`) and says what was stored. */
  async commit(): Promise<StoredFile> {
    if (this.#state !== 'ended' || this.#type === null || this.#sha256 === null) {
      throw new Error(`object-upload: commit when ${this.#state}`)
    }
    const type = this.#type
    const httpMetadata = { contentType: type.contentType }
    if (this.#multipart === null) {
      // R2 verifies the bytes against `sha256` and refuses the put when they differ.
      await this.#bucket.put(this.#key, this.#buffer.subarray(0, this.#filled), {
        httpMetadata,
        sha256: this.#sha256,
      })
    } else {
      if (this.#filled > 0) await this.#sendPart()
      const object = await this.#multipart.complete(this.#parts)
      if (object.size !== this.#bytes) {
        await this.#bucket.delete(this.#key)
        throw new Error(`object-upload: stored ${object.size} bytes of ${this.#bytes}`)
      }
    }
    this.#state = 'committed'
    this.#buffer = new Uint8Array(0)
    return {
      key: this.#key,
      fileName: sanitizeFileName(this.#options.fileName, type),
      type,
      bytes: this.#bytes,
      sha256: this.#sha256,
    }
  }

  /**
   * Leaves nothing behind: aborts an unfinished multipart upload, or deletes a committed object (its
   * version row could not be written). Safe to call more than once, and after a failure.
   */
  async abort(): Promise<void> {
    const state = this.#state
    this.#state = 'aborted'
    this.#buffer = new Uint8Array(0)
    if (state === 'open') await this.#digestWriter.abort().catch(() => {})
    if (state === 'committed') await this.#bucket.delete(this.#key)
    else if (state !== 'aborted' && this.#multipart !== null) await this.#multipart.abort()
  }

  #tooLarge(): UploadRefusal {
    return {
      reason: 'too_large',
      message: `The file is larger than the limit of ${describeLimit(this.#options.maxBytes)}. Send a smaller file, or split it.`,
    }
  }

  #sniff(complete: boolean): UploadRefusal | null {
    const head = this.#buffer.subarray(0, Math.min(this.#filled, SNIFF_BYTES))
    this.#type = sniffType(head, this.#options.fileName, complete)
    if (this.#type !== null) return null
    return {
      reason: 'unsupported_type',
      message: `This file’s contents are not a type we accept (${describeName(this.#options.fileName)}judged by its bytes, not its name). Accepted: PDF, PNG, JPEG, GIF, WebP, MP4, MOV, WebM, ZIP, GLB or glTF, plain text or CSV.`,
    }
  }

  /** Grows the part buffer (doubling, at most {@link PART_BYTES}) to hold `needed` bytes. */
  #reserve(needed: number): void {
    if (needed <= this.#buffer.length) return
    let size = Math.max(this.#buffer.length, FIRST_BUFFER_BYTES)
    while (size < needed) size *= 2
    const grown = new Uint8Array(Math.min(size, PART_BYTES))
    grown.set(this.#buffer.subarray(0, this.#filled))
    this.#buffer = grown
  }

  /** Sends the buffered bytes as the next part, then reuses the buffer (the part has left by then). */
  async #sendPart(): Promise<void> {
    if (this.#type === null) throw new Error('object-upload: a part before the type is known')
    this.#multipart ??= await this.#bucket.createMultipartUpload(this.#key, {
      httpMetadata: { contentType: this.#type.contentType },
    })
    const part = await this.#multipart.uploadPart(
      this.#parts.length + 1,
      this.#buffer.subarray(0, this.#filled),
    )
    this.#parts.push(part)
    this.#filled = 0
  }
}

function describeName(fileName: string): string {
  const name = fileName.trim()
  return name === '' ? '' : `“${Array.from(name).slice(0, 60).join('')}”, `
}
