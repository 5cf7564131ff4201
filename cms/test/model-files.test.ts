import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fileCleanupsSettled } from '../src/models/remove-unused.ts'
import { MODEL_ASSETS_DIR } from '../src/models/storage.ts'
import { actors, Cleanup } from './fixtures.ts'
import { demoFile, keysOf, onDisk, settledModel, uploadModel } from './model-fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const folders: string[] = []

/** A model uploaded and processed to ready; its output folder is removed after the tests whatever happens. */
async function readyModel(slug: string, demo: string) {
  folders.push(slug)
  const doc = await uploadModel(payload, slug, await demoFile(demo))
  cleanup.add('models', doc.id)
  expect((await settledModel(payload, doc.id)).status).toBe('ready')
  await fileCleanupsSettled()
  return doc
}

const replaceSource = async (id: number, demo: string) =>
  payload.update({
    collection: 'models',
    id,
    data: {},
    file: await demoFile(demo),
    overrideAccess: false,
    user: actors.editor,
  })

const deleteAsAdmin = async (id: number) => {
  await payload.delete({ collection: 'models', id, overrideAccess: false, user: actors.admin })
  await fileCleanupsSettled()
}

const isLevelOrPoster = (key: string) => !key.endsWith('/manifest.json')

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await fileCleanupsSettled()
  await payload.destroy()
  for (const slug of folders)
    await rm(path.join(MODEL_ASSETS_DIR, 'models', slug), { recursive: true, force: true })
})

describe('processed files of a replaced source (local folder)', () => {
  it('keeps the old version’s files until the new one is ready, then removes them', async () => {
    const doc = await readyModel(`test-swap-${run}`, 'satellite-nova')
    const before = await keysOf(payload, doc.id)
    expect(onDisk(before)).toEqual(before)

    const queued = await replaceSource(doc.id, 'planet-aurum')
    expect(queued.status).toBe('queued')
    // The live site may still show the old version until the new one is ready: its files stay.
    expect(onDisk(before)).toEqual(before)

    expect((await settledModel(payload, doc.id)).status).toBe('ready')
    await fileCleanupsSettled()
    const after = await keysOf(payload, doc.id)
    expect(onDisk(after)).toEqual(after)
    const gone = before.filter((key) => !after.includes(key))
    expect(gone.filter(isLevelOrPoster).length).toBeGreaterThan(0)
    expect(onDisk(gone)).toEqual([])
    // Same slug, same manifest key: the new version's manifest file is still there.
    expect(after).toContain(`models/${doc.slug}/manifest.json`)
  })
})

describe('processed files shared by two models (local folder)', () => {
  // A model renamed after processing keeps its files under its old name; a new model given that name
  // and the same source gets the very same content-addressed keys.
  const name = `test-shared-${run}`
  let first: { id: number }
  let second: { id: number }
  let satelliteKeys: string[]

  it('gives two models built from one source under one name the same keys', async () => {
    first = await readyModel(name, 'satellite-nova')
    satelliteKeys = await keysOf(payload, first.id)
    await payload.update({
      collection: 'models',
      id: first.id,
      data: { slug: `${name}-old` },
      overrideAccess: false,
      user: actors.editor,
    })
    second = await readyModel(name, 'satellite-nova')
    expect(await keysOf(payload, second.id)).toEqual(satelliteKeys)
  })

  it('keeps a replaced version’s files while another model still names them', async () => {
    await replaceSource(second.id, 'planet-ember')
    expect((await settledModel(payload, second.id)).status).toBe('ready')
    await fileCleanupsSettled()
    expect(onDisk(satelliteKeys)).toEqual(satelliteKeys)
  })

  it('removes a deleted model’s files no other model names, and keeps the shared one', async () => {
    const planetKeys = await keysOf(payload, second.id)
    const manifest = `models/${name}/manifest.json`
    expect(planetKeys).toContain(manifest)
    await deleteAsAdmin(first.id)
    // The satellite's levels were named by the deleted model only; the manifest key is the other's too.
    expect(onDisk(satelliteKeys)).toEqual([manifest])
    expect(onDisk(planetKeys)).toEqual(planetKeys)
  })

  it('removes the last model’s files and its folder', async () => {
    const planetKeys = await keysOf(payload, second.id)
    await deleteAsAdmin(second.id)
    expect(onDisk(planetKeys)).toEqual([])
    expect(existsSync(path.join(MODEL_ASSETS_DIR, 'models', name))).toBe(false)
  })
})
