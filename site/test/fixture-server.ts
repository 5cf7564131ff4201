import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { mp4Bytes, vttBytes, webmBytes } from './video-bytes.ts'

/** A document as Payload's REST API returns it. */
export type FixtureDoc = Record<string, unknown> & { slug?: string; _status?: string }

export interface FixtureServer {
  /** Origin to use as CMS_URL. */
  url: string
  /** Every request's path and query, in order. */
  requests: string[]
  /** The `case-studies` documents (replaceable by a test). */
  docs: FixtureDoc[]
  /** The other collections' documents, by collection slug. */
  collections: Record<string, FixtureDoc[]>
  /** The `site-settings` global (replaceable by a test). */
  settings: FixtureDoc
  /** When set, every request is answered with this status and an error body. */
  failWith: number | null
  /**
   * The folder the CMS keeps built model files in (`models/<name>/<file>`), served at
   * `/api/model-assets/<key>` as the CMS does; null: none (the `models` collection is empty).
   */
  modelFiles: string | null
  /** Milliseconds to hold back the answer for a media file, by its name (`orbital-craft.png`). */
  fileDelays: Record<string, number>
  close(): Promise<void>
}

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'))

export const FIXTURE_DOCS: FixtureDoc[] = read('case-studies')
/**
 * `count` older case studies made from `template` (`archive-1` the oldest, each a day after the last,
 * all in 2001, naming no service): after the fixture's own, a listing of several pages.
 */
export function archiveDocs(template: FixtureDoc, count: number): FixtureDoc[] {
  return Array.from({ length: count }, (_, index) => ({
    ...structuredClone(template),
    id: 1001 + index,
    slug: `archive-${index + 1}`,
    title: `Archive project ${index + 1}`,
    summary: `Archive summary number ${index + 1}.`,
    year: 2001,
    services: [],
    createdAt: new Date(Date.UTC(2001, 0, index + 1)).toISOString(),
  }))
}

const COLLECTIONS = ['services', 'pages', 'team-members', 'testimonials', 'media', 'redirects'] as const
const SITE_SETTINGS: FixtureDoc = read('site-settings')

/**
 * Stand-ins for uploaded files: a real image in the format the name's extension says. A name that
 * gives a size (`orbital-craft-1600x1066.webp`, as the fixtures' `sizes` do) gets an image of that
 * size in one colour, so the page's declared width and height match the file a browser decodes
 * (with a 4×4 file, the browser took its natural 1:1 ratio on decoding and the page shifted: a
 * layout shift of the fixture's own making in the islands' Lighthouse runs). Others are 4×4 pixels.
 * A `.webm`, `.mp4` or `.vtt` name answers a small video or WebVTT file.
 * The colours come from a hash of the name, so every file hashes apart. A name containing
 * `not-an-image` answers an HTML page instead (what a CMS without byte checks could have stored as
 * `.png`).
 */
async function fileBytes(name: string): Promise<{ type: string; bytes: Buffer }> {
  if (name.includes('not-an-image'))
    return { type: 'image/png', bytes: Buffer.from('<!doctype html><script>alert(1)</script>') }
  // Videos and captions (test/video-bytes.ts), each unique to its name.
  if (name.endsWith('.webm')) return { type: 'video/webm', bytes: webmBytes(name) }
  if (name.endsWith('.mp4')) return { type: 'video/mp4', bytes: mp4Bytes(name) }
  if (name.endsWith('.vtt')) return { type: 'text/vtt', bytes: vttBytes(name) }
  const hash = createHash('sha512').update(name).digest()
  const format = name.endsWith('.webp') ? 'webp' : name.endsWith('.jpg') ? 'jpeg' : 'png'
  const [, width, height] = /-(\d+)x(\d+)\.\w+$/.exec(name)?.map(Number) ?? []
  const image =
    width && height
      ? sharp({ create: { width, height, channels: 3, background: { r: hash[0], g: hash[1], b: hash[2] } } })
      : sharp(hash.subarray(0, 48), { raw: { width: 4, height: 4, channels: 3 } })
  const bytes = await (format === 'webp' ? image.webp({ lossless: true }) : image.toFormat(format)).toBuffer()
  return { type: `image/${format}`, bytes }
}

/**
 * Starts a stand-in for Payload's REST API on 127.0.0.1 (a free port): `GET /api/<collection>`
 * answers `{ docs }` (and `/api/<collection>/<id>` one document), honouring `where[id][equals]`, `where[_status][equals]`
 * the way Payload does (so a loader that forgets the filter would see the drafts); `GET /api/globals/site-settings` answers the global;
 * `GET /api/media/file/<name>` answers a small file. Media URLs in the fixtures carry `{{origin}}`,
 * replaced by this server's origin, as Payload writes absolute URLs on its own origin.
 */
export async function startFixtureServer(
  docs: FixtureDoc[] = structuredClone(FIXTURE_DOCS),
): Promise<FixtureServer> {
  const collections: Record<string, FixtureDoc[]> = Object.fromEntries(
    COLLECTIONS.map((name) => [name, read<FixtureDoc[]>(name)]),
  )
  // Models are built by the tests that need them (test/models-fixture.ts); none by default.
  collections.models = []
  const state = {
    requests: [] as string[],
    docs,
    collections,
    settings: structuredClone(SITE_SETTINGS),
    failWith: null as number | null,
    modelFiles: null as string | null,
    fileDelays: {} as Record<string, number>,
  }
  let origin = ''
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.setHeader('content-type', 'application/json')
    res.writeHead(status).end(JSON.stringify(body).replaceAll('{{origin}}', origin))
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    state.requests.push(`${url.pathname}${url.search}`)
    if (state.failWith !== null) {
      send(res, state.failWith, { errors: [{ message: 'Something went wrong.' }] })
      return
    }
    if (url.pathname.startsWith('/api/media/file/')) {
      const delay = state.fileDelays[url.pathname.slice('/api/media/file/'.length)] ?? 0
      const held = new Promise((resolve) => setTimeout(resolve, delay))
      void Promise.all([fileBytes(url.pathname), held]).then(([{ type, bytes }]) => {
        res.setHeader('content-type', type)
        res.writeHead(200).end(bytes)
      })
      return
    }
    const asset = /^\/api\/model-assets\/(models\/[a-z0-9-]+\/[a-z0-9.-]+)$/.exec(url.pathname)?.[1]
    if (asset && state.modelFiles) {
      readFile(`${state.modelFiles}/${asset}`).then(
        (bytes) => res.writeHead(200, { 'cache-control': 'public, max-age=31536000, immutable' }).end(bytes),
        () => send(res, 404, { errors: [{ message: 'Not Found' }] }),
      )
      return
    }
    if (url.pathname === '/api/globals/site-settings') {
      send(res, 200, state.settings)
      return
    }
    // `GET /api/<collection>/<id>`: one document, as Payload answers it (404 when there is none).
    const byId = /^\/api\/([a-z-]+)\/(\d+)$/.exec(url.pathname)
    if (byId) {
      const [, collection = '', id] = byId
      const docs = collection === 'case-studies' ? state.docs : state.collections[collection]
      const doc = docs?.find((entry) => String(entry.id) === id)
      if (doc) send(res, 200, doc)
      else send(res, 404, { errors: [{ message: 'Not Found' }] })
      return
    }
    const name = url.pathname.replace(/^\/api\//, '')
    const list = name === 'case-studies' ? state.docs : state.collections[name]
    if (!url.pathname.startsWith('/api/') || !list) {
      send(res, 404, { errors: [{ message: 'Not Found' }] })
      return
    }
    const status = url.searchParams.get('where[_status][equals]')
    const ready = url.searchParams.get('where[status][equals]')
    const id = url.searchParams.get('where[id][equals]')
    const found = list.filter(
      (doc) =>
        (!status || doc._status === status) &&
        (!ready || doc.status === ready) &&
        (!id || String(doc.id) === id),
    )
    send(res, 200, { docs: found, totalDocs: found.length, hasNextPage: false })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return Object.assign(state, {
    url: origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

// `node test/fixture-server.ts` serves the fixtures for a manual `CMS_URL=... astro build`.
if (import.meta.main) {
  const fixture = await startFixtureServer()
  console.log(`Fixture CMS on ${fixture.url} (Ctrl-C to stop)`)
}
