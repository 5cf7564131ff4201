import { describe, expect, it } from 'vitest'
import { redirectsFile } from './redirects.ts'

describe('redirectsFile', () => {
  it('writes one line per rule with its status', () => {
    expect(
      redirectsFile([
        { from: '/work/old-name', to: '/work/new-name/', status: '301' },
        { from: '/launch', to: 'https://example.com/live', status: '302' },
      ]),
    ).toBe('/work/old-name /work/new-name/ 301\n/launch https://example.com/live 302\n')
  })

  it('leaves out rules that would make the file ambiguous or loop', () => {
    expect(
      redirectsFile([
        { from: '/a b', to: '/x/', status: '301' },
        { from: '/a', to: '/x/\n/evil /y 301', status: '301' },
        { from: '/same/', to: '/same/', status: '301' },
        { from: '/gone', to: '', status: '301' },
      ]),
    ).toBe('')
  })
})
