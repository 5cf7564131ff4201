import { describe, expect, it } from 'vitest'

import { glbProblem, isGlb2 } from './glb-type.ts'

const header = (magic: string, version: number): Uint8Array => {
  const bytes = new Uint8Array(20)
  bytes.set(new TextEncoder().encode(magic), 0)
  new DataView(bytes.buffer).setUint32(4, version, true)
  return bytes
}
const text = (value: string) => new TextEncoder().encode(value)

describe('isGlb2', () => {
  it('accepts the glTF magic with version 2 only', () => {
    expect(isGlb2(header('glTF', 2))).toBe(true)
    expect(isGlb2(header('glTF', 1))).toBe(false)
    expect(isGlb2(header('gltf', 2))).toBe(false)
    expect(isGlb2(text('glTF'))).toBe(false)
  })
})

describe('glbProblem', () => {
  it('names what the file is instead', () => {
    expect(glbProblem(header('glTF', 2))).toBeNull()
    expect(glbProblem(text('<!doctype html><script>alert(1)</script>'))).toMatch(/HTML or XML/)
    expect(glbProblem(text('{"asset":{"version":"2.0"}}'))).toMatch(/JSON/)
    expect(glbProblem(header('glTF', 1))).toMatch(/glTF 1\.0/)
    expect(glbProblem(text('just some notes, not a model'))).toMatch(/not a binary glTF 2\.0/)
  })
})
