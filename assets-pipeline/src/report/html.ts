import type { ModelResult } from '../build-model.ts'
import { formatBytes } from '../format.ts'
import type { BuildOptions } from '../options.ts'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const number = (n: number) => n.toLocaleString('en-US')

function modelSection(result: ModelResult): string {
  const title = `<h2>${escapeHtml(result.name)} <small>${escapeHtml(result.file)}</small></h2>`
  if (result.status === 'failed' || !result.manifest) {
    return `<section class="failed">${title}<p class="error">Rejected: ${escapeHtml(result.error ?? 'unknown error')}</p></section>`
  }
  const m = result.manifest
  const poster = m.poster?.images.find((image) => image.type === 'image/webp')
  const img = poster
    ? `<img src="${escapeHtml(poster.key)}" width="${poster.width / 2}" height="${poster.height / 2}" alt="Poster of ${escapeHtml(m.name)}">`
    : '<p>(no poster)</p>'
  const rows = m.lods
    .map((lod) => {
      const textures = lod.textures.map((t) => `${t.format} ${t.width}²`).join(', ') || '—'
      const ratio = ((lod.bytes / m.source.bytes) * 100).toFixed(1)
      return `<tr><td>LOD${lod.level}</td><td>${number(lod.triangles)}</td><td>${escapeHtml(textures)}</td><td>${formatBytes(lod.bytes)}</td><td>${ratio}%</td><td>${lod.geometry}</td><td>${lod.decoders.join(', ')}</td><td>${lod.switchDistance}</td></tr>`
    })
    .join('')
  const warnings = m.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')
  const repairs = (result.repairs ?? []).map((r) => `<li>${escapeHtml(r)}</li>`).join('')
  return `<section>${title}
<p>${result.status === 'cached' ? 'Unchanged (from cache)' : 'Built'} in ${(result.ms / 1000).toFixed(2)} s. Geometry: ${m.compression.geometry} (${escapeHtml(m.compression.reason)}).</p>
<div class="row">${img}
<table><thead><tr><th></th><th>triangles</th><th>textures</th><th>bytes</th><th>of source</th><th>geometry</th><th>decoders</th><th>from distance</th></tr></thead>
<tbody><tr><td>source</td><td>${number(m.source.triangles)}</td><td>${formatBytes(m.source.textureBytes)} of images</td><td>${formatBytes(m.source.bytes)}</td><td>100%</td><td colspan="3"></td></tr>${rows}</tbody></table></div>
${repairs ? `<h3>Repaired before validation</h3><ul>${repairs}</ul>` : ''}
${warnings ? `<h3>Budget warnings</h3><ul class="warn">${warnings}</ul>` : '<p class="ok">Within budgets.</p>'}
</section>`
}

/** A self-contained HTML report: posters, sizes before and after per LOD, budget warnings, rejections. */
export function renderReport(results: ModelResult[], options: BuildOptions): string {
  const failed = results.filter((r) => r.status === 'failed').length
  const budgets = `smallest LOD ≤ ${formatBytes(options.budgets.smallestLod)}, LOD0 ≤ ${formatBytes(options.budgets.lod0)}, page ≤ ${formatBytes(options.budgets.page)}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>3D asset report</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#111}small{color:#666;font-weight:normal;font-size:.7em}
table{border-collapse:collapse}td,th{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}
.row{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}img{border-radius:6px;background:#0b0d12}
.error,.warn{color:#a40000}.ok{color:#16660f}section{margin-bottom:2.5rem}
</style></head><body>
<h1>3D asset report</h1>
<p>${results.length} model(s), ${failed} rejected. Budgets: ${escapeHtml(budgets)}.</p>
${results.map(modelSection).join('\n')}
</body></html>
`
}
