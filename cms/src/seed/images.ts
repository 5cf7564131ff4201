import sharp from 'sharp'

/** One demo picture, drawn here as SVG and rasterised with sharp: nothing is downloaded or committed. */
export interface SeedImage {
  /** File name stem, also how the seed finds the image again on a second run. */
  key: string
  alt: string
  kind: 'planet' | 'portrait'
  /** Base hue of the palette, 0–360. */
  hue: number
  /** Planets only: draw a ring. */
  ring?: boolean
}

// A fixed pseudo-random sequence, so the same seed always draws the same stars.
function* stars(seed: number): Generator<number> {
  let state = seed
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648
    yield state / 2147483648
  }
}

function starField(width: number, height: number, seed: number, count: number): string {
  const random = stars(seed)
  const next = (): number => random.next().value as number
  let out = ''
  for (let i = 0; i < count; i++) {
    const r = (0.4 + next() * 1.4).toFixed(2)
    out += `<circle cx="${(next() * width).toFixed(1)}" cy="${(next() * height).toFixed(1)}" r="${r}" fill="#fff" opacity="${(0.3 + next() * 0.7).toFixed(2)}"/>`
  }
  return out
}

function planetSvg({ hue, ring }: SeedImage): string {
  const [w, h] = [1600, 900]
  const ringSvg = ring
    ? `<ellipse cx="1000" cy="470" rx="430" ry="90" fill="none" stroke="hsl(${hue + 30} 70% 75%)" stroke-width="18" opacity="0.7" transform="rotate(-14 1000 470)"/>`
    : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <radialGradient id="sky" cx="30%" cy="20%" r="90%"><stop offset="0" stop-color="hsl(${hue + 200} 45% 14%)"/><stop offset="1" stop-color="#05060d"/></radialGradient>
    <radialGradient id="body" cx="35%" cy="30%" r="75%"><stop offset="0" stop-color="hsl(${hue} 80% 72%)"/><stop offset="0.55" stop-color="hsl(${hue + 15} 65% 42%)"/><stop offset="1" stop-color="hsl(${hue + 30} 70% 8%)"/></radialGradient>
    <radialGradient id="glow" cx="50%" cy="50%" r="50%"><stop offset="0.6" stop-color="hsl(${hue} 90% 70%)" stop-opacity="0.35"/><stop offset="1" stop-color="hsl(${hue} 90% 70%)" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#sky)"/>
  ${starField(w, h, hue + 7, 260)}
  <circle cx="1000" cy="470" r="380" fill="url(#glow)"/>
  <circle cx="1000" cy="470" r="300" fill="url(#body)"/>
  ${ringSvg}
</svg>`
}

function portraitSvg({ hue }: SeedImage): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 22%)"/><stop offset="1" stop-color="#070812"/></linearGradient>
    <linearGradient id="fig" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue + 20} 70% 70%)"/><stop offset="1" stop-color="hsl(${hue + 40} 60% 40%)"/></linearGradient>
  </defs>
  <rect width="800" height="800" fill="url(#bg)"/>
  ${starField(800, 800, hue + 3, 90)}
  <circle cx="400" cy="320" r="130" fill="url(#fig)"/>
  <path d="M170 800 C170 600 280 500 400 500 C520 500 630 600 630 800 Z" fill="url(#fig)"/>
</svg>`
}

/** Draws one seed image and returns it as a PNG file that Payload's Local API can upload. */
export async function renderSeedImage(
  image: SeedImage,
): Promise<{ data: Buffer; mimetype: string; name: string; size: number }> {
  const svg = image.kind === 'planet' ? planetSvg(image) : portraitSvg(image)
  const data = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
  return { data, mimetype: 'image/png', name: `${image.key}.png`, size: data.length }
}

/** Every picture the demo content uses, by key. */
export const seedImages: SeedImage[] = [
  {
    key: 'hero-home',
    alt: 'A ringed amber planet glowing against a field of stars',
    kind: 'planet',
    hue: 30,
    ring: true,
  },
  {
    key: 'hero-solar-walk',
    alt: 'A blue planet lit from the left, far from its sun',
    kind: 'planet',
    hue: 205,
  },
  {
    key: 'hero-nova-orbital',
    alt: 'A violet planet with a faint halo, seen from orbit',
    kind: 'planet',
    hue: 270,
  },
  {
    key: 'hero-orbit-desk',
    alt: 'A teal planet over a dark control-room sky',
    kind: 'planet',
    hue: 170,
    ring: true,
  },
  { key: 'icon-exhibits', alt: 'A golden planet', kind: 'planet', hue: 45 },
  { key: 'icon-launch', alt: 'A crimson planet', kind: 'planet', hue: 355 },
  { key: 'icon-data', alt: 'A green planet with a ring', kind: 'planet', hue: 140, ring: true },
  { key: 'icon-3d', alt: 'A cyan planet', kind: 'planet', hue: 190 },
  { key: 'icon-brand', alt: 'A magenta planet', kind: 'planet', hue: 315 },
  { key: 'portrait-ines', alt: 'Illustrated portrait of Inès Moreau', kind: 'portrait', hue: 25 },
  { key: 'portrait-tomas', alt: 'Illustrated portrait of Tomás Reyes', kind: 'portrait', hue: 210 },
  { key: 'portrait-amara', alt: 'Illustrated portrait of Amara Okafor', kind: 'portrait', hue: 285 },
]
