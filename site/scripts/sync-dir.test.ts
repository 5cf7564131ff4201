import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applySync, planSync, syncDir } from './sync-dir.ts'

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kairo-sync-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return root
}

const list = async (root: string) => (await readdir(root, { recursive: true })).map(String).sort()

describe('syncDir', () => {
  it('writes new and changed files, keeps identical ones untouched, removes the rest', async () => {
    const source = await tree({ 'index.html': 'new home', 'work/a/index.html': 'a', 'og/a.png': 'png' })
    const target = await tree({
      'index.html': 'old home',
      'work/a/index.html': 'a',
      'work/gone/index.html': 'x',
    })
    const before = await stat(join(target, 'work/a/index.html'))

    const result = await syncDir(source, target)

    expect(result).toEqual({ written: 2, unchanged: 1, removed: 1 })
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('new home')
    expect((await stat(join(target, 'work/a/index.html'))).mtimeMs).toBe(before.mtimeMs)
    expect(await list(target)).toEqual([
      'index.html',
      'og',
      'og/a.png',
      'work',
      'work/a',
      'work/a/index.html',
    ])
  })

  it('creates the target when it does not exist', async () => {
    const source = await tree({ 'a/b/c.txt': 'c' })
    const target = join(await tree({}), 'dist')
    await syncDir(source, target)
    expect(await list(target)).toEqual(['a', 'a/b', 'a/b/c.txt'])
  })

  it('plans without touching the target, then applies deletions and writes together', async () => {
    const source = await tree({ 'index.html': 'new home', 'work/a/index.html': 'a' })
    const target = await tree({ 'index.html': 'old home', 'work/a/index.html': 'a', 'media/gone.webp': 'x' })

    const plan = await planSync(source, target)

    expect(plan).toMatchObject({ write: ['index.html'], remove: ['media/gone.webp'], unchanged: 1 })
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('old home')
    expect(await list(target)).toContain('media/gone.webp')

    expect(await applySync(plan)).toEqual({ written: 1, unchanged: 1, removed: 1 })
    expect(await list(target)).toEqual(['index.html', 'work', 'work/a', 'work/a/index.html'])
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('new home')
  })
})
