import type { ModelStats } from './inspect.ts'

const number = new Intl.NumberFormat('en-US')

/** Formats a byte count for people: `935 B`, `12.4 KiB`, `3.60 MiB`, `4.00 GiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB`
}

function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? []
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
  )
}

/**
 * Renders one model's statistics as an aligned plain-text table (the CLI's default output): the
 * counts first, then one row per texture with its type, pixel size and bytes.
 */
export function formatStats(file: string, fileBytes: number, stats: ModelStats): string {
  const lines = [`${file} (${formatBytes(fileBytes)})`]
  lines.push(
    ...table([
      ['meshes', number.format(stats.meshes)],
      ['primitives', number.format(stats.primitives)],
      ['triangles', number.format(stats.triangles)],
      ['vertices', number.format(stats.vertices)],
      ['materials', number.format(stats.materials)],
      ['textures', number.format(stats.textures.length)],
      ['animations', number.format(stats.animations)],
      ['extensions', stats.extensionsUsed.join(', ') || 'none'],
    ]),
  )
  if (stats.textures.length > 0) {
    const rows = stats.textures.map((t) => [
      t.name,
      t.slots.join(', ') || '-',
      t.mimeType,
      t.width === null ? '?' : `${t.width}×${t.height}`,
      formatBytes(t.bytes),
    ])
    lines.push(...table([['texture', 'used as', 'type', 'size', 'bytes'], ...rows], '    '))
  }
  return lines.join('\n')
}
