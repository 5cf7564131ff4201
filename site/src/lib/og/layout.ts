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
const THEME = {
  bg: '#070a1a',
  raised: '#0f1530',
  text: '#e8ecff',
  muted: '#aab3d9',
  accent: '#8fd3ff',
  accent2: '#c7a6ff',
  border: '#27305a',
}

/** A satori element: the shape React elements have, without React. */
export interface CardNode {
  type: string
  props: { style?: Record<string, unknown>; children?: CardNode | string | (CardNode | string)[] }
}

const el = (style: Record<string, unknown>, ...children: (CardNode | string)[]): CardNode => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
})

/** Cuts text at a word boundary so it fits the card's lines; an ellipsis marks the cut. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  // The cut ends a word when the next character is a space; otherwise back up to the last one.
  const space = clean[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}

/** A soft light: a radial gradient fading to nothing at the box's edge. */
const glow = (box: Record<string, number>, color: string) =>
  el({
    position: 'absolute',
    ...box,
    backgroundImage: `radial-gradient(closest-side, ${color}, rgba(7, 10, 26, 0))`,
  })

// A few fixed stars; positions in percent of the card.
const STARS = [
  [8, 12, 3],
  [22, 88, 2],
  [41, 9, 2],
  [57, 93, 3],
  [63, 18, 2],
  [93, 86, 2],
  [97, 40, 3],
  [78, 6, 2],
] as const

/**
 * The card is drawn in two layers. The backdrop (the dark sky, its glows, stars and the ringed planet)
 * is the same on every card and is most of the rasterising work (large radial gradients), so it is
 * rendered once per process; each card then lays out and rasterises only its text, over it
 * (render.ts). `cardLayout` is both in one tree, as a one-pass render draws it.
 */
export function cardBackdrop(): CardNode {
  return el(
    {
      width: '100%',
      height: '100%',
      position: 'relative',
      backgroundColor: THEME.bg,
    },
    // Glows are radial gradients on their own boxes: an SVG blur (box-shadow) costs librsvg several
    // times the rest of the card to rasterise.
    glow({ right: -320, top: -420, width: 1100, height: 860 }, 'rgba(120, 90, 255, 0.34)'),
    glow({ left: -360, top: 180, width: 900, height: 720 }, 'rgba(60, 160, 255, 0.2)'),
    glow({ right: -300, bottom: -320, width: 820, height: 820 }, 'rgba(143, 211, 255, 0.32)'),
    ...STARS.map(([x, y, size]) =>
      el({
        position: 'absolute',
        left: `${x}%`,
        top: `${y}%`,
        width: size,
        height: size,
        borderRadius: size,
        backgroundColor: '#ffffff',
        opacity: 0.7,
      }),
    ),
    // The planet and its ring, half off the right edge.
    el({
      position: 'absolute',
      right: -180,
      bottom: -250,
      width: 500,
      height: 500,
      borderRadius: 500,
      backgroundImage: `radial-gradient(circle at 30% 28%, #ffffff 0%, ${THEME.accent} 22%, ${THEME.accent2} 62%, #3b2a7a 100%)`,
      opacity: 0.9,
    }),
    el({
      position: 'absolute',
      right: -300,
      bottom: 0,
      width: 860,
      height: 130,
      borderRadius: 860,
      border: `3px solid rgba(199, 166, 255, 0.55)`,
      transform: 'rotate(-16deg)',
    }),
  )
}

/** The card's text layer: studio name, eyebrow, title, summary and host, on a transparent card. */
export function cardTextLayer(text: CardText): CardNode {
  const title = clip(text.title, 90)
  const titleSize = title.length > 60 ? 58 : title.length > 32 ? 68 : 80
  return el(
    {
      width: '100%',
      height: '100%',
      position: 'relative',
      color: THEME.text,
      fontFamily: 'Inter',
    },
    // The text sits in its own box above the decoration, so absolute shapes never shift its layout.
    el(
      {
        // Inset by offsets, not `width/height: 100%`: satori adds the padding to a percentage size.
        position: 'absolute',
        left: 0,
        top: 0,
        right: 0,
        bottom: 0,
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '60px 72px 56px',
      },
      el(
        { alignItems: 'center', gap: 18, fontFamily: 'Space Grotesk', fontWeight: 600, fontSize: 34 },
        el({
          width: 30,
          height: 30,
          borderRadius: 30,
          backgroundImage: `radial-gradient(circle at 35% 35%, #ffffff, ${THEME.accent} 40%, ${THEME.accent2} 90%)`,
        }),
        clip(text.studio, 40),
      ),
      el(
        { flexDirection: 'column', maxWidth: 860, gap: 22 },
        el(
          {
            color: THEME.accent2,
            fontFamily: 'Space Grotesk',
            fontWeight: 600,
            fontSize: 26,
            letterSpacing: 4,
            textTransform: 'uppercase',
          },
          clip(text.eyebrow, 56),
        ),
        el(
          {
            fontFamily: 'Space Grotesk',
            fontWeight: 700,
            fontSize: titleSize,
            lineHeight: 1.06,
            letterSpacing: -1,
            color: THEME.text,
          },
          title,
        ),
        ...(text.summary
          ? [
              el(
                { color: THEME.muted, fontSize: 30, lineHeight: 1.4, maxWidth: 760 },
                clip(text.summary, 130),
              ),
            ]
          : []),
      ),
      el(
        { alignItems: 'center', gap: 16, color: THEME.muted, fontSize: 24 },
        el({
          width: 56,
          height: 3,
          backgroundImage: `linear-gradient(90deg, ${THEME.accent}, ${THEME.accent2})`,
        }),
        text.host,
      ),
    ),
  )
}

/** The whole card in one tree: the backdrop with the text layer's box on top. */
export function cardLayout(text: CardText): CardNode {
  const backdrop = cardBackdrop()
  const layer = cardTextLayer(text)
  const children = [backdrop.props.children, layer.props.children].flat() as (CardNode | string)[]
  return { type: 'div', props: { style: { ...backdrop.props.style, ...layer.props.style }, children } }
}
