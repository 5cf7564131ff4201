import { describe, expect, it } from 'vitest'
import { mayPlayByItself } from './video-autoplay.ts'

describe('mayPlayByItself', () => {
  it('plays when the visitor neither asks for less motion nor saves data', () => {
    expect(mayPlayByItself({ reducedMotion: false, saveData: false })).toBe(true)
    expect(mayPlayByItself({ reducedMotion: false, saveData: undefined })).toBe(true)
  })

  it('never plays under prefers-reduced-motion or Save-Data', () => {
    expect(mayPlayByItself({ reducedMotion: true, saveData: false })).toBe(false)
    expect(mayPlayByItself({ reducedMotion: false, saveData: true })).toBe(false)
    expect(mayPlayByItself({ reducedMotion: true, saveData: true })).toBe(false)
  })
})
