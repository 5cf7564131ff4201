import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { TestInfo } from '@playwright/test'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

/** The stored reference images (PNG, committed). */
export const REFERENCE_DIR = fileURLToPath(new URL('./reference-images/', import.meta.url))

export interface ReferenceOptions {
  /** Width of the compared image: captures are scaled down to it (height by their aspect ratio). */
  width: number
  /** pixelmatch's per-pixel threshold (0-1, perceptual colour distance); anti-aliased pixels never count. */
  threshold: number
  /** The largest share of differing pixels that still matches. */
  maxDifferingShare: number
  /** How long the capture may take to settle on the reference (ms). */
  timeout: number
}

/**
 * An image scaled down to `width` by averaging the source pixels each target pixel covers: small
 * to store, and the averaging evens out single-pixel rendering noise.
 */
export function scaleDown(source: PNG, width: number): PNG {
  const height = Math.round((source.height * width) / source.width)
  const target = new PNG({ width, height })
  const sx = source.width / width
  const sy = source.height / height
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy)
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy))
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx)
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx))
      const sum = [0, 0, 0, 0]
      for (let v = y0; v < y1; v++)
        for (let u = x0; u < x1; u++)
          for (let c = 0; c < 4; c++)
            sum[c] = (sum[c] ?? 0) + (source.data[(v * source.width + u) * 4 + c] ?? 0)
      const count = (y1 - y0) * (x1 - x0)
      for (let c = 0; c < 4; c++) target.data[(y * width + x) * 4 + c] = Math.round((sum[c] ?? 0) / count)
    }
  }
  return target
}

interface Comparison {
  differing: number
  share: number
  diff: PNG
}

function compare(expected: PNG, actual: PNG, threshold: number): Comparison {
  const { width, height } = expected
  const diff = new PNG({ width, height })
  const differing = pixelmatch(expected.data, actual.data, diff.data, width, height, { threshold })
  return { differing, share: differing / (width * height), diff }
}

/**
 * Waits until `capture()` (a PNG screenshot), scaled down, matches the reference image `name` within
 * the tolerance, and throws if it does not within `timeout`; on failure the actual image, the
 * reference and their diff (differing pixels in red) go to the test's output folder and report.
 *
 * `UPDATE_REFERENCE=1` rewrites the reference instead, from the first capture that stays the same
 * for a second (the scene has settled), and the test passes.
 */
export async function expectToMatchReference(
  capture: () => Promise<Buffer>,
  name: string,
  testInfo: TestInfo,
  options: ReferenceOptions,
): Promise<void> {
  const file = join(REFERENCE_DIR, `${name}.png`)
  const take = async () => scaleDown(PNG.sync.read(await capture()), options.width)
  const deadline = Date.now() + options.timeout

  if (process.env.UPDATE_REFERENCE === '1') {
    let previous = PNG.sync.write(await take())
    for (let same = 0; same < 4; ) {
      if (Date.now() > deadline) throw new Error(`${name}: the capture did not settle; reference not written`)
      await sleep(250)
      const next = PNG.sync.write(await take())
      same = next.equals(previous) ? same + 1 : 0
      previous = next
    }
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, previous)
    await testInfo.attach(`${name}-reference`, { body: previous, contentType: 'image/png' })
    return
  }

  const expected = PNG.sync.read(
    await readFile(file).catch(() => {
      throw new Error(`no reference image ${file}: run the test once with UPDATE_REFERENCE=1`)
    }),
  )
  let actual = await take()
  let result: Comparison | null = null
  for (;;) {
    if (actual.width === expected.width && actual.height === expected.height) {
      result = compare(expected, actual, options.threshold)
      if (result.share <= options.maxDifferingShare) return
    }
    if (Date.now() > deadline) break
    await sleep(250)
    actual = await take()
  }

  const outputs: Array<[string, PNG]> = [
    [`${name}-actual.png`, actual],
    [`${name}-expected.png`, expected],
  ]
  if (result) outputs.push([`${name}-diff.png`, result.diff])
  for (const [fileName, image] of outputs) {
    const path = testInfo.outputPath(fileName)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, PNG.sync.write(image))
    await testInfo.attach(fileName, { path, contentType: 'image/png' })
  }
  throw new Error(
    result
      ? `${name}: ${result.differing} pixels (${(result.share * 100).toFixed(2)} %) differ from the reference, ` +
          `more than ${(options.maxDifferingShare * 100).toFixed(2)} %; see ${name}-diff.png in the test's output`
      : `${name}: the capture is ${actual.width}×${actual.height}, the reference ${expected.width}×${expected.height}`,
  )
}
