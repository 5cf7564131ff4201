import { describe, expect, it } from 'vitest'
import { safeNextPath } from './next-path.ts'

describe('safeNextPath', () => {
  it('keeps a path on this origin, with its query and fragment', () => {
    expect(safeNextPath('/dashboard/projects')).toBe('/dashboard/projects')
    expect(safeNextPath('/dashboard/projects?page=2#list')).toBe('/dashboard/projects?page=2#list')
  })

  it('refuses other origins and the tricks that reach one', () => {
    for (const next of [
      'https://evil.example/dashboard',
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'dashboard',
      '',
      null,
      undefined,
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeNextPath(next), String(next)).toBeNull()
    }
  })

  it('refuses the sign-in and sign-out pages (no loop)', () => {
    expect(safeNextPath('/login?next=/dashboard')).toBeNull()
    expect(safeNextPath('/logout')).toBeNull()
  })
})
