import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, path) // readers see the whole file or none
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch {
    return null
  }
}

/**
 * A content-addressed cache on disk: encoded textures by the hash of their input and settings,
 * built files by their (hashed) names, and per model the build's result by the hash of its source
 * files and the output settings. Entries are written atomically, so a crash leaves no half file.
 */
export class BuildCache {
  readonly dir: string

  constructor(dir: string) {
    this.dir = dir
  }

  async getBlob(kind: string, key: string): Promise<Uint8Array | null> {
    const data = await readOrNull(join(this.dir, kind, key))
    return data ? new Uint8Array(data) : null
  }

  putBlob(kind: string, key: string, data: Uint8Array): Promise<void> {
    return writeAtomic(join(this.dir, kind, key), data)
  }

  async getJson<T>(kind: string, key: string): Promise<T | null> {
    const data = await readOrNull(join(this.dir, kind, `${key}.json`))
    if (!data) return null
    try {
      return JSON.parse(data.toString('utf8')) as T
    } catch {
      return null
    }
  }

  putJson(kind: string, key: string, value: unknown): Promise<void> {
    return writeAtomic(join(this.dir, kind, `${key}.json`), JSON.stringify(value))
  }

  /** Keeps a built file (its name carries its hash) for later runs. */
  putFile(name: string, data: Uint8Array): Promise<void> {
    return writeAtomic(join(this.dir, 'files', name), data)
  }

  /** Copies a kept file to `target` unless a file of the same size is already there; false if not kept. */
  async restoreFile(name: string, target: string): Promise<boolean> {
    const source = join(this.dir, 'files', name)
    const [kept, existing] = await Promise.all([
      stat(source).catch(() => null),
      stat(target).catch(() => null),
    ])
    if (!kept) return false
    if (existing?.size === kept.size) return true
    await mkdir(dirname(target), { recursive: true })
    await copyFile(source, target)
    return true
  }
}

export { writeAtomic }
