import { describe, expect, it } from 'vitest'
import { csvStream } from './csv.ts'

async function* batches(...lists: string[][]) {
  for (const list of lists) yield list
}

describe('csvStream', () => {
  it('writes the byte order mark and header, then each batch as it comes, and releases once at the end', async () => {
    let released = 0
    const stream = csvStream(
      ['name'],
      batches(['Ada', '=1+1'], ['Grace']),
      (name) => [name],
      async () => {
        released += 1
      },
    )
    // `ignoreBOM` keeps the mark (a plain decode would drop it).
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      await new Response(stream).arrayBuffer(),
    )
    expect(text).toBe("\uFEFFname\r\nAda\r\n'=1+1\r\nGrace\r\n")
    expect(released).toBe(1)
  })

  it('releases when the reader goes away before the end, and stops reading batches', async () => {
    let released = 0
    let read = 0
    async function* endless() {
      for (;;) {
        read += 1
        yield [`row ${read}`]
      }
    }
    const reader = csvStream(
      ['name'],
      endless(),
      (row) => [row],
      async () => {
        released += 1
      },
    ).getReader()
    await reader.read()
    await reader.read()
    await reader.cancel()
    const before = read
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(released).toBe(1)
    expect(read).toBe(before)
  })

  it('releases and fails the body when a batch fails', async () => {
    let released = 0
    async function* failing() {
      yield ['first']
      throw new Error('connection lost')
    }
    const stream = csvStream(
      ['name'],
      failing(),
      (row) => [row],
      async () => {
        released += 1
      },
    )
    await expect(new Response(stream).text()).rejects.toThrow('connection lost')
    expect(released).toBe(1)
  })
})
