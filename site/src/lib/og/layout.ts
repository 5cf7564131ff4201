/** What one Open Graph card shows. */
export interface CardText {
  /** The studio's name, top left. */
  studio: string
  /** A short kicker above the title: the page type, a client, a year. */
  eyebrow: string
  title: string
  summary: string
  /** The site's host, bottom left (`kairo.studio`). */
  host: string
}

export const CARD_WIDTH = 1200
export const CARD_HEIGHT = 630

// The palette of src/styles/global.css (`--bg`, `--text`, `--muted`, `--accent`, `--accent-2`).
export const THEME = {
  bg: '#070a1a',
  text: '#e8ecff',
  muted: '#aab3d9',
  accent: '#8fd3ff',
  accent2: '#c7a6ff',
}

/** The card's margins: the text never comes closer to an edge. */
export const PADDING = { top: 60, right: 72, bottom: 56, left: 72 }
/** The widest the eyebrow and title may run, and the summary. */
export const TEXT_WIDTH = 860
export const SUMMARY_WIDTH = 760

/** A font as the card uses it: a CSS `font` shorthand's parts, and the spacing between letters. */
export interface CardFont {
  family: 'Space Grotesk' | 'Inter'
  weight: 400 | 600 | 700
  size: number
  /** Extra space after each letter, in pixels (CSS `letter-spacing`). */
  letterSpacing: number
  /** The height of one line, in pixels. */
  lineHeight: number
}

/** The CSS `font` shorthand for a card font, as the canvas takes it. */
export const cssFont = (font: CardFont) => `${font.weight} ${font.size}px "${font.family}"`

/** Measures a line of text in a font, in pixels, letter spacing included; the renderer's canvas. */
export type MeasureText = (text: string, font: CardFont) => number

/** One line of text drawn on the card: `top` is the top of its line box. */
export interface TextLine {
  text: string
  font: CardFont
  color: string
  x: number
  top: number
}

/** A mark drawn beside a line: the dot before the studio's name, the rule before the host. */
export interface Mark {
  kind: 'dot' | 'rule'
  x: number
  y: number
  width: number
  height: number
}

/** The fonts, marks and spacing of the card's text (with THEME, PADDING and the widths above). */
export const TEXT_STYLE = {
  studio: { family: 'Space Grotesk', weight: 600, size: 34, letterSpacing: 0, lineHeight: 42 } as CardFont,
  eyebrow: { family: 'Space Grotesk', weight: 600, size: 26, letterSpacing: 4, lineHeight: 32 } as CardFont,
  summary: { family: 'Inter', weight: 400, size: 30, letterSpacing: 0, lineHeight: 42 } as CardFont,
  host: { family: 'Inter', weight: 400, size: 24, letterSpacing: 0, lineHeight: 30 } as CardFont,
  dot: { size: 30, gap: 18 },
  rule: { width: 56, height: 3, gap: 16 },
  /** Space between the eyebrow, the title and the summary. */
  stackGap: 22,
  /** Lines each block may take: with these the tallest card still fits between header and footer. */
  maxLines: { eyebrow: 1, title: 3, summary: 3 },
}
const { studio: STUDIO, eyebrow: EYEBROW, summary: SUMMARY, host: HOST, dot: DOT, rule: RULE } = TEXT_STYLE

/** The title's font: smaller as the title grows, so a long one still fits in three lines. */
export function titleFont(title: string): CardFont {
  const size = title.length > 60 ? 58 : title.length > 32 ? 68 : 80
  return {
    family: 'Space Grotesk',
    weight: 700,
    size,
    letterSpacing: -1,
    lineHeight: Math.round(size * 1.06),
  }
}

/** Cuts text at a word boundary so it fits the card's lines; an ellipsis marks the cut. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  // The cut ends a word when the next character is a space; otherwise back up to the last one.
  const space = clean[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}

/**
 * Breaks text into lines no wider than `width`, at spaces; a word wider than a line on its own is
 * broken between letters (a URL or a long compound would otherwise run off the card).
 */
export function wrap(text: string, font: CardFont, width: number, measure: MeasureText): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word
    if (measure(joined, font) <= width) {
      line = joined
      continue
    }
    if (line) lines.push(line)
    line = word
    // Only a word that is itself too wide gets here with `line === word` still too wide.
    while (measure(line, font) > width && line.length > 1) {
      let fit = line.length - 1
      while (fit > 1 && measure(line.slice(0, fit), font) > width) fit--
      lines.push(line.slice(0, fit))
      line = line.slice(fit)
    }
  }
  if (line) lines.push(line)
  return lines
}

/**
 * Keeps at most `max` lines; when text is left over, the last line kept ends in an ellipsis (words
 * taken off its end until it fits), as CSS's `line-clamp` does.
 */
export function clampLines(
  lines: string[],
  max: number,
  font: CardFont,
  width: number,
  measure: MeasureText,
): string[] {
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  let last = (kept[max - 1] as string).replace(/[\s,.;:–—-]+$/, '')
  while (last.includes(' ') && measure(`${last}…`, font) > width)
    last = last.slice(0, last.lastIndexOf(' ')).replace(/[\s,.;:–—-]+$/, '')
  kept[max - 1] = `${last}…`
  return kept
}

/**
 * Where everything on a card goes, as CSS would lay it out: the studio's name at the top, the host at
 * the bottom, and between them, centred in the space left, the eyebrow, the title and the summary
 * (a column whose items are spread with `justify-content: space-between`). Pure: the renderer passes
 * its canvas's measure, the tests a fixed-width one.
 */
export function layoutCard(text: CardText, measure: MeasureText): { lines: TextLine[]; marks: Mark[] } {
  const left = PADDING.left
  const title = clip(text.title, 90)
  const titleStyle = titleFont(title)
  const block = (content: string, font: CardFont, width: number, max: number) =>
    clampLines(wrap(content, font, width, measure), max, font, width, measure)
  const stack: Array<{ lines: string[]; font: CardFont; color: string }> = [
    {
      lines: block(clip(text.eyebrow, 56).toUpperCase(), EYEBROW, TEXT_WIDTH, TEXT_STYLE.maxLines.eyebrow),
      font: EYEBROW,
      color: THEME.accent2,
    },
    {
      lines: block(title, titleStyle, TEXT_WIDTH, TEXT_STYLE.maxLines.title),
      font: titleStyle,
      color: THEME.text,
    },
    {
      lines: block(clip(text.summary, 130), SUMMARY, SUMMARY_WIDTH, TEXT_STYLE.maxLines.summary),
      font: SUMMARY,
      color: THEME.muted,
    },
  ].filter((entry) => entry.lines.length > 0)
  const stackHeight =
    stack.reduce((sum, entry) => sum + entry.lines.length * entry.font.lineHeight, 0) +
    TEXT_STYLE.stackGap * Math.max(0, stack.length - 1)

  const headerTop = PADDING.top
  const headerHeight = Math.max(DOT.size, STUDIO.lineHeight)
  const footerHeight = Math.max(RULE.height, HOST.lineHeight)
  const footerTop = CARD_HEIGHT - PADDING.bottom - footerHeight
  const free = footerTop - (headerTop + headerHeight) - stackHeight
  let top = headerTop + headerHeight + Math.max(0, free / 2)

  const lines: TextLine[] = [
    {
      text: clip(text.studio, 40),
      font: STUDIO,
      color: THEME.text,
      x: left + DOT.size + DOT.gap,
      top: headerTop + (headerHeight - STUDIO.lineHeight) / 2,
    },
  ]
  for (const entry of stack) {
    for (const line of entry.lines) {
      lines.push({ text: line, font: entry.font, color: entry.color, x: left, top })
      top += entry.font.lineHeight
    }
    top += TEXT_STYLE.stackGap
  }
  if (text.host)
    lines.push({
      text: text.host,
      font: HOST,
      color: THEME.muted,
      x: left + RULE.width + RULE.gap,
      top: footerTop + (footerHeight - HOST.lineHeight) / 2,
    })
  const marks: Mark[] = [
    {
      kind: 'dot',
      x: left,
      y: headerTop + (headerHeight - DOT.size) / 2,
      width: DOT.size,
      height: DOT.size,
    },
    {
      kind: 'rule',
      x: left,
      y: footerTop + (footerHeight - RULE.height) / 2,
      width: RULE.width,
      height: RULE.height,
    },
  ]
  return { lines, marks }
}
