import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MODEL_PROCESS_INLINE, MODEL_SYSTEM_WRITE } from '../src/models/context.ts'
import type { SiteSetting } from '../src/payload-types.ts'
import { type ActorName, actors, Cleanup, pngFile } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
let counter = 0
const next = (): string => `${run}-${++counter}`

type Operation = 'create' | 'read' | 'update' | 'delete'
type Matrix = Record<ActorName, Record<Operation, boolean>>

const ALL: Record<Operation, boolean> = { create: true, read: true, update: true, delete: true }
const READ_ONLY: Record<Operation, boolean> = { create: false, read: true, update: false, delete: false }
const NONE: Record<Operation, boolean> = { create: false, read: false, update: false, delete: false }
/** Content: the public reads it, editors and admins manage it. */
const CONTENT: Matrix = { anonymous: READ_ONLY, editor: ALL, admin: ALL }

interface Subject {
  collection: CollectionSlug
  matrix: Matrix
  /** Valid data for a new document (published where the collection has drafts). */
  data: () => Record<string, unknown>
  /** A change to apply in the update check. */
  change: Record<string, unknown>
  upload?: boolean
  /** The uploaded file, for upload collections whose files are not images. */
  file?: () => UploadFile
  /** Passed to every create (e.g. to keep model processing out of the matrix). */
  context?: Record<string, unknown>
  /** Brings a document made for the read, update and delete checks into the state anyone may read. */
  prepare?: (id: number) => Promise<void>
}

type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }

/** The 12-byte header of a binary glTF 2.0: enough for the upload guard; these models are never processed. */
function glbHeader(): UploadFile {
  const data = Buffer.alloc(12)
  data.write('glTF', 0, 'ascii')
  data.writeUInt32LE(2, 4)
  data.writeUInt32LE(12, 8)
  return { data, mimetype: 'model/gltf-binary', name: `matrix-${next()}.glb`, size: 12 }
}

const subjects: Subject[] = [
  {
    collection: 'pages',
    matrix: CONTENT,
    data: () => ({ title: 'Matrix page', slug: `matrix-${next()}`, _status: 'published' }),
    change: { title: 'Changed' },
  },
  {
    collection: 'services',
    matrix: CONTENT,
    data: () => ({
      title: 'Matrix service',
      slug: `matrix-${next()}`,
      summary: 'A test.',
      _status: 'published',
    }),
    change: { title: 'Changed' },
  },
  {
    collection: 'case-studies',
    matrix: CONTENT,
    data: () => ({
      title: 'Matrix study',
      slug: `matrix-${next()}`,
      summary: 'A test.',
      _status: 'published',
    }),
    change: { summary: 'Changed.' },
  },
  {
    collection: 'team-members',
    matrix: CONTENT,
    data: () => ({ name: `Matrix ${next()}`, role: 'Tester' }),
    change: { role: 'Changed' },
  },
  {
    collection: 'testimonials',
    matrix: CONTENT,
    data: () => ({ quote: 'Great.', person: `Matrix ${next()}` }),
    change: { quote: 'Changed.' },
  },
  {
    collection: 'redirects',
    matrix: CONTENT,
    data: () => ({ from: `/matrix-${next()}`, to: { type: 'custom', url: '/work' }, statusCode: '301' }),
    change: { statusCode: '302' },
  },
  {
    collection: 'media',
    matrix: CONTENT,
    data: () => ({ alt: 'A test gradient' }),
    change: { alt: 'Changed' },
    upload: true,
  },
  {
    collection: 'models',
    // Anonymous visitors read ready models only (a queued one is simply not found: see models.test.ts);
    // deleting a model is for admins.
    matrix: {
      anonymous: READ_ONLY,
      editor: { create: true, read: true, update: true, delete: false },
      admin: ALL,
    },
    data: () => ({ title: 'Matrix model', slug: `matrix-${next()}`, alt: 'A test model' }),
    change: { alt: 'Changed' },
    file: glbHeader,
    context: { [MODEL_PROCESS_INLINE]: true },
    prepare: async (id) => {
      await payload.update({
        collection: 'models',
        id,
        data: { status: 'ready' },
        context: { [MODEL_SYSTEM_WRITE]: true },
      })
    },
  },
  {
    collection: 'users',
    // Editors read the team's accounts (the admin lists them) but only admins manage them.
    matrix: { anonymous: NONE, editor: { ...READ_ONLY }, admin: ALL },
    data: () => ({ email: `matrix-${next()}@kairo.test`, password: 'matrix-password-123', role: 'editor' }),
    change: { name: 'Changed' },
  },
]

/** Creates a document bypassing access, for the read, update and delete checks to act on. */
async function seedDoc(subject: Subject): Promise<number> {
  const doc = await payload.create({
    collection: subject.collection,
    data: subject.data() as never,
    file: await fileFor(subject),
    context: subject.context,
  })
  cleanup.add(subject.collection, doc.id)
  await subject.prepare?.(doc.id)
  return doc.id
}

async function fileFor(subject: Subject): Promise<UploadFile | undefined> {
  if (subject.file) return subject.file()
  return subject.upload ? await pngFile(`matrix-${next()}.png`, 64, 64) : undefined
}

/** Runs one operation as the actor with access enforced; resolves true if allowed, false if forbidden. */
async function attempt(subject: Subject, actor: ActorName, operation: Operation): Promise<boolean> {
  const options = { collection: subject.collection, overrideAccess: false, user: actors[actor] } as const
  try {
    if (operation === 'create') {
      const doc = await payload.create({
        ...options,
        data: subject.data() as never,
        file: await fileFor(subject),
        context: subject.context,
      })
      cleanup.add(subject.collection, doc.id)
    } else if (operation === 'read') {
      await payload.findByID({ ...options, id: await seedDoc(subject) })
    } else if (operation === 'update') {
      await payload.update({ ...options, id: await seedDoc(subject), data: subject.change as never })
    } else {
      await payload.delete({ ...options, id: await seedDoc(subject) })
    }
    return true
  } catch (error) {
    if ((error as Error).name === 'Forbidden') return false
    throw error
  }
}

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await payload.destroy()
})

describe('access-control matrix', () => {
  for (const subject of subjects) {
    for (const actor of Object.keys(actors) as ActorName[]) {
      for (const operation of ['create', 'read', 'update', 'delete'] as const) {
        const allowed = subject.matrix[actor][operation]
        it(`${subject.collection}: ${actor} ${allowed ? 'may' : 'may not'} ${operation}`, async () => {
          expect(await attempt(subject, actor, operation)).toBe(allowed)
        })
      }
    }
  }

  describe('global site-settings', () => {
    let before: SiteSetting

    beforeAll(async () => {
      before = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    })

    afterAll(async () => {
      // Put back what was there: the saved settings, or none at all.
      if (before.siteName) {
        const { id: _id, updatedAt: _u, createdAt: _c, ...data } = before
        await payload.updateGlobal({ slug: 'site-settings', data })
      } else {
        await payload.db.drizzle.execute(sql`delete from "payload"."site_settings"`)
      }
    })

    for (const actor of Object.keys(actors) as ActorName[]) {
      it(`${actor} may read`, async () => {
        // Settings nobody saved yet read as an empty object; a denied read throws Forbidden.
        const read = payload.findGlobal({ slug: 'site-settings', overrideAccess: false, user: actors[actor] })
        await expect(read).resolves.toBeTypeOf('object')
      })

      const mayUpdate = actor === 'admin'
      it(`${actor} ${mayUpdate ? 'may' : 'may not'} update`, async () => {
        const change = payload.updateGlobal({
          slug: 'site-settings',
          overrideAccess: false,
          user: actors[actor],
          data: { siteName: `Matrix ${run}`, contactEmail: 'matrix@kairo.test' },
        })
        if (mayUpdate) await expect(change).resolves.toMatchObject({ siteName: `Matrix ${run}` })
        else await expect(change).rejects.toMatchObject({ name: 'Forbidden' })
      })
    }
  })
})
