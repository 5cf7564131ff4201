/** What a test needs to know about a KTX2 file: codec, transfer function, mip levels. */
export interface Ktx2Info {
  width: number
  height: number
  levels: number
  /** 163 ETC1S, 166 UASTC (Khronos Data Format colour models). */
  colorModel: number
  codec: 'etc1s' | 'uastc' | 'other'
  /** 2 sRGB, 1 linear. */
  transfer: 'srgb' | 'linear' | 'other'
}

const IDENTIFIER = [0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a]

/** Reads a KTX2 header and its basic data format descriptor (enough to check how it was encoded). */
export function ktx2Info(bytes: Uint8Array): Ktx2Info {
  if (!IDENTIFIER.every((b, i) => bytes[i] === b)) throw new Error('not a KTX2 file')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const width = view.getUint32(20, true)
  const height = view.getUint32(24, true)
  const levels = view.getUint32(40, true)
  const dfdOffset = view.getUint32(48, true)
  // DFD: total size (4), then the basic block: vendor/type (4), version/size (4), model, primaries, transfer, flags.
  const colorModel = view.getUint8(dfdOffset + 12)
  const transferFunction = view.getUint8(dfdOffset + 14)
  return {
    width,
    height,
    levels,
    colorModel,
    codec: colorModel === 163 ? 'etc1s' : colorModel === 166 ? 'uastc' : 'other',
    transfer: transferFunction === 2 ? 'srgb' : transferFunction === 1 ? 'linear' : 'other',
  }
}
