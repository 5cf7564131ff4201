import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { removeLocalFiles } from './remove-files.ts'

let root: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kairo-remove-'))
  await mkdir(path.join(root, 'models', 'a'), { recursive: true })
  await mkdir(path.join(root, 'models', 'b'), { recursive: true })
  for (const file of [
    'models/a/a.lod0.0123456789abcdef.glb',
    'models/a/manifest.json',
    'models/b/manifest.json',
  ])
    await writeFile(path.join(root, file), 'x')
  await writeFile(path.join(root, 'keep.txt'), 'x')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('removeLocalFiles', () => {
  it('removes the files, then the folders they leave empty; a file already gone is fine', async () => {
    const report = await removeLocalFiles(
      [
        'models/a/a.lod0.0123456789abcdef.glb',
        'models/a/manifest.json',
        'models/b/b.lod0.0123456789abcdef.glb',
      ],
      root,
    )
    expect(report).toEqual({ removed: 3, failures: [] })
    expect(existsSync(path.join(root, 'models', 'a'))).toBe(false)
    // Another file is still in b: the folder stays.
    expect(existsSync(path.join(root, 'models', 'b', 'manifest.json'))).toBe(true)
  })

  it('touches nothing that is not a model file key inside the folder', async () => {
    const report = await removeLocalFiles(['../keep.txt', 'keep.txt', 'models/../keep.txt'], root)
    expect(report.removed).toBe(0)
    expect(report.failures).toHaveLength(3)
    expect(existsSync(path.join(root, 'keep.txt'))).toBe(true)
  })
})
