/**
 * Minimal but well-formed video and captions files, built from bytes so no binary is committed:
 * enough for the byte checks of this project and Payload's own (MP4 box structure, WebM's EBML
 * header), not frames anyone could watch.
 */

const box = (type: string, ...payloads: Buffer[]): Buffer => {
  const body = Buffer.concat(payloads)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length, 0)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

/** An `mvhd` box (version 0): a 1000-unit timescale, one second long, identity matrix. */
const movieHeader = (): Buffer => {
  const body = Buffer.alloc(100)
  body.writeUInt32BE(1000, 12) // timescale
  body.writeUInt32BE(1000, 16) // duration
  body.writeUInt32BE(0x00010000, 20) // rate 1.0
  body.writeUInt16BE(0x0100, 24) // volume 1.0
  for (const [index, value] of [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].entries())
    body.writeUInt32BE(value, 36 + index * 4)
  body.writeUInt32BE(2, 96) // next track id
  return box('mvhd', body)
}

/** An MP4: `ftyp` (brand `isom`, compatible `isom`, `mp41`), `moov` with its header, and `padding` bytes of media data. */
export function mp4Bytes(padding = 0): Buffer {
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isommp41', 'latin1'),
  )
  const parts = [ftyp, box('moov', movieHeader())]
  if (padding > 0) parts.push(box('mdat', Buffer.alloc(padding)))
  return Buffer.concat(parts)
}

/** One EBML element: its ID bytes, a one-byte size (under 127) and the data. */
const element = (id: number[], data: Buffer): Buffer =>
  Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data])
const uint = (value: number) => Buffer.from([value])

/** A WebM: the EBML header (DocType `webm`, version 4) and a segment with its timecode scale. */
export function webmBytes(): Buffer {
  const header = Buffer.concat([
    element([0x42, 0x86], uint(1)), // EBMLVersion
    element([0x42, 0xf7], uint(1)), // EBMLReadVersion
    element([0x42, 0xf2], uint(4)), // EBMLMaxIDLength
    element([0x42, 0xf3], uint(8)), // EBMLMaxSizeLength
    element([0x42, 0x82], Buffer.from('webm')), // DocType
    element([0x42, 0x87], uint(4)), // DocTypeVersion
    element([0x42, 0x85], uint(2)), // DocTypeReadVersion
  ])
  const info = element([0x15, 0x49, 0xa9, 0x66], element([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])))
  return Buffer.concat([element([0x1a, 0x45, 0xdf, 0xa3], header), element([0x18, 0x53, 0x80, 0x67], info)])
}

/** A WebVTT captions file with one cue. */
export const vttBytes = (text = 'Orbit one'): Buffer =>
  Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${text}\n`)

/** As Payload's Local API takes an uploaded file. */
export const fileOf = (name: string, mimetype: string, data: Buffer) => ({
  data,
  mimetype,
  name,
  size: data.length,
})
