/**
 * What a page costs a visitor on first load, from its built HTML: the HTML, its stylesheets and
 * scripts, the images it shows (each `<img>`'s `src`, which is what a browser takes without a better
 * `srcset` match, and posters), and the 3D its islands load first (each model's smallest level).
 * Budgets as in the CMS's pre-publish checks (cms/src/prepublish/check-document.ts).
 */
export const PAGE_BUDGETS = { pageBytes: 2 * 1024 * 1024, initial3dBytes: 500 * 1024 } as const

export interface PageWeight {
  path: string
  html: number
  css: number
  js: number
  images: number
  initial3d: number
  total: number
}

const attributes = (html: string, tag: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`<(?:${tag})\\b[^>]*\\s${name}="([^"]+)"`, 'gi'))].map(
    (match) => match[1] ?? '',
  )

const decodeEntities = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')

/** The bytes of each model's smallest level in the islands' props (`lods`, most detailed first). */
function initialModelBytes(html: string): number {
  let total = 0
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit)
      return
    }
    if (typeof value !== 'object' || value === null) return
    const lods = (value as { lods?: Array<{ bytes?: unknown }> }).lods
    if (Array.isArray(lods) && lods.length > 0) {
      const bytes = lods.at(-1)?.bytes
      if (typeof bytes === 'number') total += bytes
      return
    }
    for (const child of Object.values(value)) visit(child)
  }
  for (const props of attributes(html, 'div|section|figure', 'data-island-props')) {
    try {
      visit(JSON.parse(decodeEntities(props)))
    } catch {
      // Not JSON: not an island this report knows.
    }
  }
  return total
}

/** What a page's HTML names and holds, read once per written file (src/lib/built-file-facts.ts). */
export interface PageFacts {
  html: number
  stylesheets: string[]
  scripts: string[]
  images: string[]
  initial3d: number
}

/** The files a page loads and the 3D its islands load first, from its HTML alone. */
export function pageFacts(html: string): PageFacts {
  return {
    html: Buffer.byteLength(html),
    stylesheets: [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/gi)].map(
      (m) => m[1] ?? '',
    ),
    scripts: attributes(html, 'script', 'src'),
    images: attributes(html, 'img', 'src'),
    initial3d: initialModelBytes(html),
  }
}

/**
 * The weight of one built page. `sizeOf` answers the bytes of a same-origin path in the build's
 * output (undefined for anything else: a file elsewhere is not the build's to count).
 */
export function pageWeight(
  path: string,
  facts: PageFacts,
  sizeOf: (path: string) => number | undefined,
): PageWeight {
  const sum = (paths: string[]) => [...new Set(paths)].reduce((total, file) => total + (sizeOf(file) ?? 0), 0)
  const css = sum(facts.stylesheets)
  const js = sum(facts.scripts)
  const images = sum(facts.images)
  const { html, initial3d } = facts
  return { path, html, css, js, images, initial3d, total: html + css + js + images + initial3d }
}

/** The pages over a budget, each with the reason. */
export function overBudget(weights: PageWeight[]): Array<{ path: string; reason: string }> {
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
  return weights.flatMap((weight) => [
    ...(weight.total > PAGE_BUDGETS.pageBytes
      ? [{ path: weight.path, reason: `${kb(weight.total)} in all (budget ${kb(PAGE_BUDGETS.pageBytes)})` }]
      : []),
    ...(weight.initial3d > PAGE_BUDGETS.initial3dBytes
      ? [
          {
            path: weight.path,
            reason: `${kb(weight.initial3d)} of 3D before the first frame (budget ${kb(PAGE_BUDGETS.initial3dBytes)})`,
          },
        ]
      : []),
  ])
}
