/**
 * Minimal but well-formed video and captions files for the fixture CMS, built from bytes so no
 * binary is committed: a WebM (EBML header with DocType `webm`, a segment whose info carries a
 * title) and an MP4 (`ftyp` and `moov` boxes). Enough for the site's byte checks, not for watching.
 * The title keeps files of different names apart, so each hashes to its own `/media/` name.
 */

/** One EBML element with a one-byte size (data under 127 bytes). */
const element = (id: number[], data: Buffer): Buffer =>
  Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data])

export function webmBytes(title: string): Buffer {
  const header = Buffer.concat([
    element([0x42, 0x86], Buffer.from([1])), // EBMLVersion
    element([0x42, 0xf7], Buffer.from([1])), // EBMLReadVersion
    element([0x42, 0x82], Buffer.from('webm')), // DocType
    element([0x42, 0x87], Buffer.from([4])), // DocTypeVersion
    element([0x42, 0x85], Buffer.from([2])), // DocTypeReadVersion
  ])
  const info = element(
    [0x15, 0x49, 0xa9, 0x66],
    Buffer.concat([
      element([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])), // TimecodeScale: 1 ms
      element([0x7b, 0xa9], Buffer.from(title.slice(0, 60))), // Title
    ]),
  )
  return Buffer.concat([element([0x1a, 0x45, 0xdf, 0xa3], header), element([0x18, 0x53, 0x80, 0x67], info)])
}

const box = (type: string, body: Buffer): Buffer => {
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length, 0)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

export function mp4Bytes(title: string): Buffer {
  const ftyp = box(
    'ftyp',
    Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41')]),
  )
  return Buffer.concat([ftyp, box('moov', box('udta', Buffer.from(title)))])
}

export const vttBytes = (text: string): Buffer =>
  Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n${text}\n`)
