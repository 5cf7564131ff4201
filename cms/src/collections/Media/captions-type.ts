export const CAPTIONS_TYPE = 'text/vtt'
export const CAPTIONS_EXTENSION = 'vtt'

/** Largest captions file accepted, in bytes: an hour of dense subtitles is about 100 KB. */
export const MAX_CAPTIONS_BYTES = 512 * 1024

/**
 * True when the bytes are a WebVTT file: the signature `WEBVTT` (after an optional byte-order
 * mark) followed by a space, a tab, a line break or nothing (the format's own rule, so `WEBVTTX` is
 * not one). Markup is never WebVTT, so an HTML page renamed `.vtt` fails here.
 */
export function isWebVtt(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const head = new TextDecoder().decode(bytes.subarray(start, start + 7))
  return /^WEBVTT(?:[ \t\r\n]|$)/.test(head)
}
