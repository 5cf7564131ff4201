import { describe, expect, it } from 'vitest'
import {
  CARD_HEIGHT,
  type CardFont,
  clampLines,
  clip,
  layoutCard,
  type MeasureText,
  PADDING,
  SUMMARY_WIDTH,
  TEXT_STYLE,
  TEXT_WIDTH,
  wrap,
} from './layout.ts'

// A monospace stand-in for the canvas: each letter half the font size wide, plus the letter spacing.
const measure: MeasureText = (text, font) => [...text].length * (font.size / 2 + font.letterSpacing)
const font: CardFont = { family: 'Inter', weight: 400, size: 20, letterSpacing: 0, lineHeight: 24 }

const card = {
  studio: 'Kairo',
  eyebrow: 'Case study · Orbital Labs · 2026',
  title: 'Orbital Labs launch site for a satellite start-up and its first craft',
  summary: 'A launch site for a satellite start-up, with a live 3D model of their first craft, in orbit.',
  host: 'kairo.studio',
}

describe('card layout', () => {
  it('wraps at spaces within the width, and breaks a word wider than a line', () => {
    expect(wrap('one two three four', font, 100, measure)).toEqual(['one two', 'three four'])
    expect(wrap('abcdefghijklmnopqrstuvwxy', font, 100, measure)).toEqual([
      'abcdefghij',
      'klmnopqrst',
      'uvwxy',
    ])
    expect(wrap('', font, 100, measure)).toEqual([])
  })

  it('clamps to a number of lines with an ellipsis that fits', () => {
    const lines = wrap('one two three four five six seven', font, 100, measure)
    const clamped = clampLines(lines, 2, font, 100, measure)
    expect(clamped).toEqual(['one two', 'three…'])
    expect(clampLines(lines, 9, font, 100, measure)).toBe(lines)
  })

  it('keeps every line in its column, and the title and summary under their widths', () => {
    const { lines } = layoutCard(card, measure)
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(PADDING.left)
      const width = line.font.family === 'Inter' && line.font.size === 30 ? SUMMARY_WIDTH : TEXT_WIDTH
      expect(measure(line.text, line.font)).toBeLessThanOrEqual(width)
    }
    expect(lines.map((line) => line.text)).toContain('CASE STUDY · ORBITAL LABS · 2026')
  })

  it('puts the studio at the top, the host at the bottom, and centres the rest between them', () => {
    const { lines, marks } = layoutCard(card, measure)
    const studio = lines[0]
    const host = lines.at(-1)
    expect(studio?.text).toBe('Kairo')
    expect(host?.text).toBe('kairo.studio')
    const stack = lines.slice(1, -1)
    const headerBottom = PADDING.top + Math.max(TEXT_STYLE.dot.size, TEXT_STYLE.studio.lineHeight)
    const footerTop =
      CARD_HEIGHT - PADDING.bottom - Math.max(TEXT_STYLE.rule.height, TEXT_STYLE.host.lineHeight)
    const first = stack[0]
    const last = stack.at(-1)
    if (!first || !last) throw new Error('no text between the header and the footer')
    const above = first.top - headerBottom
    const below = footerTop - (last.top + last.font.lineHeight)
    expect(Math.abs(above - below)).toBeLessThanOrEqual(1)
    expect(marks.map((mark) => mark.kind)).toEqual(['dot', 'rule'])
  })

  it('fits the longest text the card takes between its header and footer', () => {
    const long = 'W'.repeat(12)
    const { lines } = layoutCard(
      {
        ...card,
        eyebrow: Array(20).fill(long).join(' '),
        title: Array(20).fill(long).join(' '),
        summary: Array(20).fill(long).join(' '),
      },
      measure,
    )
    const footerTop = CARD_HEIGHT - PADDING.bottom - TEXT_STYLE.host.lineHeight
    const stack = lines.slice(1, -1)
    const last = stack.at(-1)
    expect(last && last.top + last.font.lineHeight).toBeLessThanOrEqual(footerTop)
    expect(stack.filter((line) => line.text.endsWith('…')).length).toBeGreaterThanOrEqual(2)
  })

  it('leaves out the host line when the site has no host', () => {
    const { lines } = layoutCard({ ...card, host: '' }, measure)
    expect(lines.at(-1)?.text).not.toBe('')
    expect(lines.some((line) => line.font === TEXT_STYLE.host)).toBe(false)
  })

  it('clips long text at a word with an ellipsis', () => {
    expect(clip('short title', 20)).toBe('short title')
    expect(clip('a title that is far too long for the card', 24)).toBe('a title that is far too…')
  })
})
