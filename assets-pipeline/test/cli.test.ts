import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIO } from '../src/read-model.ts'
import { writeGoodModels } from './fixtures.ts'
import { makeCube } from './make-cube.ts'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const helmet = '/work/shared/models/DamagedHelmet/DamagedHelmet.glb'
let dir: string

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-assets-cli-'))
  await writeFile(join(dir, 'cube.glb'), await createIO().writeBinary(makeCube()))
  await writeFile(join(dir, 'broken.glb'), 'glTF but not really')
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('kairo-assets inspect', () => {
  it('prints a table and exits 0 for a good model', () => {
    const { code, stdout, stderr } = run('inspect', join(dir, 'cube.glb'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/triangles\s+12\n/)
    expect(stdout).toMatch(/checker\s+baseColorTexture\s+image\/png\s+4×4/)
  })

  it('prints JSON with --json', () => {
    const { code, stdout } = run('inspect', '--json', join(dir, 'cube.glb'))
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({
      file: join(dir, 'cube.glb'),
      triangles: 12,
      vertices: 24,
      materials: 1,
    })
  })

  it('exits 1 with one line naming the file and the reason for a bad file', () => {
    const { code, stderr } = run('inspect', join(dir, 'broken.glb'))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(new RegExp(`^kairo-assets: ${join(dir, 'broken.glb')}: not valid glTF 2.0`))
  })

  it('inspects every model in a folder and still fails when one is bad', () => {
    const { code, stdout, stderr } = run('inspect', dir)
    expect(code).toBe(1)
    expect(stdout).toContain('cube.glb')
    expect(stderr).toContain('broken.glb')
  })

  it('exits 2 with usage when no file is given', () => {
    const { code, stderr } = run('inspect')
    expect(code).toBe(2)
    expect(stderr).toMatch(/give at least one file or folder/)
  })
})

// A real model from the shared test data; reported as skipped on machines without it.
describe.skipIf(!existsSync(helmet))(`DamagedHelmet (needs ${helmet})`, () => {
  it('reports 15,452 triangles and five 2048² textures', () => {
    const { code, stdout } = run('inspect', '--json', helmet)
    expect(code).toBe(0)
    const stats = JSON.parse(stdout)
    expect(stats.triangles).toBe(15_452)
    expect(stats.textures).toHaveLength(5)
    expect(stats.textures.every((t: { width: number }) => t.width === 2048)).toBe(true)
  })
})

describe('kairo-assets build', () => {
  it('builds the good models, names each rejected one with its reason, and exits 1', async () => {
    const input = join(dir, 'build-input')
    await writeGoodModels(input)
    const { writeFile: write, mkdir } = await import('node:fs/promises')
    await mkdir(join(input, 'bad'), { recursive: true })
    await write(
      join(input, 'bad', 'truncated.glb'),
      (await createIO().writeBinary(makeCube())).subarray(0, 100),
    )
    const out = join(dir, 'build-out')
    const { code, stdout, stderr } = run(
      'build',
      input,
      '--out',
      out,
      '--no-poster',
      '--texture-sizes',
      '16,16,8',
    )
    expect(code).toBe(1)
    expect(stderr).toContain(`kairo-assets: ${join(input, 'bad', 'truncated.glb')}: is truncated`)
    expect(stdout).toMatch(/^sphere: built/m)
    expect(stdout).toContain(`report: ${join(out, 'report.html')}`)
    expect(existsSync(join(out, 'models', 'sphere', 'manifest.json'))).toBe(true)
    // Unchanged: every model comes from the cache.
    const again = run(
      'build',
      input,
      '--out',
      out,
      '--no-poster',
      '--texture-sizes',
      '16,16,8',
      '--json',
      '--quiet',
    )
    expect(again.code).toBe(1)
    const results = JSON.parse(again.stdout) as { name: string; status: string }[]
    expect(
      results
        .filter((r) => r.status === 'cached')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['morph', 'sphere', 'spin', 'textured'])
  }, 60_000)

  it('exits 2 on usage errors: no --out, bad LOD lists, missing upload settings', () => {
    expect(run('build', dir).stderr).toMatch(/--out <dir> is required/)
    expect(run('build', dir, '--out', join(dir, 'x'), '--lod-ratios', '1,0.5').code).toBe(2)
    const upload = spawnSync(
      process.execPath,
      [cli, 'build', join(dir, 'cube.glb'), '--out', join(dir, 'x'), '--upload'],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      },
    )
    expect(upload.status).toBe(2)
    expect(upload.stderr).toMatch(/upload settings: R2_ENDPOINT is not set; R2_BUCKET is not set/)
  })
})
