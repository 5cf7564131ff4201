// Pipeline benchmark: the four shared real-world models, and DamagedHelmet with its textures already
// KTX2 (ktx2-source.ts), through this pipeline (cold and warm) and through `gltf-transform optimize
// --compress draco --texture-compress webp`, in one script.
// Prints a table; figures go in the README. Run under the heavy lock: `pnpm bench` does.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { codecIO } from '../src/compress/codecs.ts'
import { decoderTransferBytes } from '../src/decoders.ts'
import { formatBytes } from '../src/format.ts'
import type { ModelManifest } from '../src/manifest.ts'
import { gpuBytes } from '../src/textures/lod-textures.ts'
import { writeKtx2Copy } from './ktx2-source.ts'

const MODELS_DIR = process.env.KAIRO_MODELS_DIR ?? '/work/shared/models'
const MODELS = [
  'DamagedHelmet/DamagedHelmet.glb',
  'FlightHelmet/FlightHelmet.gltf',
  'Fox/Fox.glb',
  'MorphStressTest/MorphStressTest.gltf',
]
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'src/cli.ts')
const gltfTransform = join(root, 'node_modules/.bin/gltf-transform')

interface Timed {
  seconds: number
  peakMiB: number
  stdout: string
  code: number | null
}

/** Runs a command under /usr/bin/time for its wall time and peak resident memory. */
function timed(command: string, args: string[], timesFile: string): Timed {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timesFile, command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const [seconds = 'NaN', kib = 'NaN'] = spawnSync('cat', [timesFile], { encoding: 'utf8' })
    .stdout.trim()
    .split(/\s+/)
    .slice(-2)
  return { seconds: Number(seconds), peakMiB: Number(kib) / 1024, stdout: result.stdout, code: result.status }
}

async function optimizedGpuBytes(file: string): Promise<number> {
  const doc = await (await codecIO()).read(file) // our own trusted output, not an untrusted input
  return doc
    .getRoot()
    .listTextures()
    .reduce((sum, texture) => {
      const [width, height] = texture.getSize() ?? [0, 0]
      return sum + gpuBytes(width, height, 4) // WebP decodes to RGBA8 on the GPU
    }, 0)
}

const kib = (bytes: number) => formatBytes(bytes)

async function main(): Promise<void> {
  const missing = MODELS.filter((model) => !existsSync(join(MODELS_DIR, model)))
  if (missing.length > 0) {
    console.error(`bench: skipped — models missing under ${MODELS_DIR}: ${missing.join(', ')}`)
    process.exitCode = 1
    return
  }
  const work = await mkdtemp(join(tmpdir(), 'kairo-bench-'))
  const decoders = decoderTransferBytes()
  const rows: string[][] = []
  const lodRows: string[][] = []
  try {
    const ktx2Helmet = join(work, 'DamagedHelmet-ktx2.glb')
    process.stderr.write('bench: making DamagedHelmet with KTX2 textures\n')
    await writeKtx2Copy(
      join(MODELS_DIR, 'DamagedHelmet/DamagedHelmet.glb'),
      ktx2Helmet,
      join(work, 'ktx2-cache'),
    )
    const inputs = [
      ...MODELS.map((model) => ({ name: model.split('/')[0] ?? model, input: join(MODELS_DIR, model) })),
      { name: 'DamagedHelmet-ktx2', input: ktx2Helmet },
    ]
    for (const { name, input } of inputs) {
      const optimizedFile = join(work, `${name}.optimized.glb`)
      const optimize = timed(
        gltfTransform,
        ['optimize', input, optimizedFile, '--compress', 'draco', '--texture-compress', 'webp'],
        join(work, 'time'),
      )
      if (optimize.code !== 0) throw new Error(`gltf-transform optimize failed for ${name}`)
      const optimizedBytes = (await stat(optimizedFile)).size
      const optimizedGpu = await optimizedGpuBytes(optimizedFile)

      const out = join(work, `${name}-out`)
      const cache = join(work, `${name}-cache`)
      const args = [cli, 'build', input, '--out', out, '--cache', cache, '--quiet', '--json']
      const cold = timed(process.execPath, args, join(work, 'time'))
      const warm = timed(process.execPath, args, join(work, 'time'))
      const [result] = JSON.parse(cold.stdout) as {
        status: string
        error?: string
        manifest: ModelManifest
      }[]
      const [warmResult] = JSON.parse(warm.stdout) as { status: string }[]
      if (result?.status !== 'built') throw new Error(`${name}: ${result?.error ?? 'no result'}`)
      const manifest = result.manifest
      const smallest = manifest.lods.at(-1)
      const poster = manifest.poster?.images.find(
        (i) => i.type === 'image/avif' && i.width === manifest.poster?.width,
      )
      const posterSmall = manifest.poster?.images.find(
        (i) => i.type === 'image/avif' && i.width !== manifest.poster?.width,
      )
      const decoderBytes = (smallest?.decoders ?? []).reduce((sum, d) => sum + decoders[d], 0)
      const firstFrame = (poster?.bytes ?? 0) + (smallest?.bytes ?? 0) + decoderBytes
      const lod0Gpu = manifest.lods[0]?.textures.reduce((sum, t) => sum + t.gpuBytes, 0) ?? 0
      rows.push([
        name,
        kib(manifest.source.bytes),
        `${kib(optimizedBytes)} (${optimize.seconds.toFixed(1)} s, ${optimize.peakMiB.toFixed(0)} MiB)`,
        `${kib(firstFrame)} = ${kib(poster?.bytes ?? 0)} + ${kib(smallest?.bytes ?? 0)} + ${kib(decoderBytes)}`,
        `${(firstFrame / optimizedBytes).toFixed(2)}${firstFrame * 5 <= optimizedBytes ? ' ✓' : ' ✗'}`,
        `${kib(lod0Gpu)} vs ${kib(optimizedGpu)}`,
        `${cold.seconds.toFixed(1)} s`,
        `${warm.seconds.toFixed(2)} s ${warmResult?.status === 'cached' ? '(cached)' : '(REBUILT)'}`,
        `${cold.peakMiB.toFixed(0)} MiB`,
      ])
      lodRows.push([
        name,
        ...manifest.lods.map(
          (lod) =>
            `${kib(lod.bytes)} · ${lod.triangles.toLocaleString('en-US')} tri · ${lod.geometry}${lod.textures[0] ? ` · ${lod.textures[0].format} ${Math.max(...lod.textures.map((t) => t.width))}px` : ''}`,
        ),
        posterSmall ? `${kib(poster?.bytes ?? 0)} / ${kib(posterSmall.bytes)}` : '—',
        manifest.warnings.length > 0
          ? manifest.warnings.map((w) => w.split(':')[0]).join('; ')
          : 'within budgets',
      ])
      // The output of one model is not needed once measured; keep the disk small.
      await rm(out, { recursive: true, force: true })
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  const print = (header: string[], body: string[][]) => {
    const table = [header, ...body]
    const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)))
    for (const [i, row] of table.entries()) {
      console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`)
      if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
    }
  }
  console.log(
    `\nDecoders (gzip): draco ${kib(decoders.draco)}, meshopt ${kib(decoders.meshopt)}, basis ${kib(decoders.basis)}\n`,
  )
  print(
    [
      'model',
      'source',
      'optimize (draco+webp)',
      'first frame: poster + smallest LOD + decoders',
      '÷ optimize',
      'GPU textures LOD0 vs optimize',
      'cold',
      'warm',
      'peak (cold)',
    ],
    rows,
  )
  console.log('')
  print(['model', 'LOD0', 'LOD1', 'LOD2', 'poster AVIF 1200 / 600', 'budgets'], lodRows)
}

await main()
