import type { SKRSContext2D } from '@napi-rs/canvas'
import { CARD_HEIGHT, CARD_WIDTH, cssFont, type Mark, type TextLine, THEME } from './layout.ts'

/**
 * The part of the card every card shares: the dark sky, three glows, the stars and a ringed planet
 * half off the bottom right corner. Drawn once per thread (render.ts) and copied under each card's
 * text, which is where a card's own cost is.
 */
export function drawBackdrop(ctx: SKRSContext2D): void {
  // A soft light: an elliptical gradient from `color` at its centre to nothing at its edge.
  const glow = (cx: number, cy: number, rx: number, ry: number, color: string) => {
    ctx.save()
    ctx.translate(cx, cy)
    ctx.scale(rx, ry)
    const gradient = ctx.createRadialGradient(0, 0, 0, 0, 0, 1)
    gradient.addColorStop(0, color)
    gradient.addColorStop(1, 'rgba(7, 10, 26, 0)')
    ctx.fillStyle = gradient
    ctx.fillRect(-1, -1, 2, 2)
    ctx.restore()
  }
  // A few fixed stars; positions in percent of the card, size in pixels.
  const stars = [
    [8, 12, 3],
    [22, 88, 2],
    [41, 9, 2],
    [57, 93, 3],
    [63, 18, 2],
    [93, 86, 2],
    [97, 40, 3],
    [78, 6, 2],
  ] as const

  ctx.fillStyle = THEME.bg
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT)
  glow(970, 10, 550, 430, 'rgba(120, 90, 255, 0.34)')
  glow(90, 540, 450, 360, 'rgba(60, 160, 255, 0.2)')
  glow(1090, 540, 410, 410, 'rgba(143, 211, 255, 0.32)')

  ctx.fillStyle = 'rgba(255, 255, 255, 0.7)'
  for (const [x, y, size] of stars) {
    ctx.beginPath()
    ctx.arc((x / 100) * CARD_WIDTH + size / 2, (y / 100) * CARD_HEIGHT + size / 2, size / 2, 0, Math.PI * 2)
    ctx.fill()
  }

  // The planet, lit from its upper left.
  const planet = { cx: 1130, cy: 630, r: 250 }
  const light = ctx.createRadialGradient(1030, 520, 0, 1030, 520, 502)
  light.addColorStop(0, '#ffffff')
  light.addColorStop(0.22, THEME.accent)
  light.addColorStop(0.62, THEME.accent2)
  light.addColorStop(1, '#3b2a7a')
  ctx.globalAlpha = 0.9
  ctx.fillStyle = light
  ctx.beginPath()
  ctx.arc(planet.cx, planet.cy, planet.r, 0, Math.PI * 2)
  ctx.fill()
  ctx.globalAlpha = 1

  // Its ring, tilted.
  ctx.save()
  ctx.translate(1070, 565)
  ctx.rotate((-16 * Math.PI) / 180)
  ctx.strokeStyle = 'rgba(199, 166, 255, 0.55)'
  ctx.lineWidth = 3
  ctx.beginPath()
  ctx.ellipse(0, 0, 428.5, 63.5, 0, 0, Math.PI * 2)
  ctx.stroke()
  ctx.restore()
}

/**
 * Draws a card's own part over the backdrop: its marks, and each line of text with its baseline where
 * CSS puts it (the font's ascent and descent centred in the line box).
 */
export function drawText(ctx: SKRSContext2D, lines: TextLine[], marks: Mark[]): void {
  // The dot before the studio's name (a small planet) and the rule before the host.
  const drawMark = (mark: Mark) => {
    if (mark.kind === 'dot') {
      const r = mark.width / 2
      const shine = ctx.createRadialGradient(
        mark.x + mark.width * 0.35,
        mark.y + mark.height * 0.35,
        0,
        mark.x + mark.width * 0.35,
        mark.y + mark.height * 0.35,
        r * 1.3,
      )
      shine.addColorStop(0, '#ffffff')
      shine.addColorStop(0.4, THEME.accent)
      shine.addColorStop(0.9, THEME.accent2)
      ctx.fillStyle = shine
      ctx.beginPath()
      ctx.arc(mark.x + r, mark.y + r, r, 0, Math.PI * 2)
      ctx.fill()
      return
    }
    const rule = ctx.createLinearGradient(mark.x, 0, mark.x + mark.width, 0)
    rule.addColorStop(0, THEME.accent)
    rule.addColorStop(1, THEME.accent2)
    ctx.fillStyle = rule
    ctx.fillRect(mark.x, mark.y, mark.width, mark.height)
  }
  for (const mark of marks) drawMark(mark)
  ctx.textBaseline = 'alphabetic'
  for (const line of lines) {
    ctx.font = cssFont(line.font)
    ctx.letterSpacing = `${line.font.letterSpacing}px`
    ctx.fillStyle = line.color
    const metrics = ctx.measureText(line.text)
    const ascent = metrics.fontBoundingBoxAscent
    const content = ascent + metrics.fontBoundingBoxDescent
    ctx.fillText(line.text, line.x, line.top + (line.font.lineHeight - content) / 2 + ascent)
  }
}
