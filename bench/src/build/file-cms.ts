import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RecordedResponse } from './recording-proxy.ts'

export interface FileCms {
  url: string
  /** Requests answered, and the ones the file had no answer for. */
  counts: () => { answered: number; missing: number }
  close: () => Promise<void>
}

/**
 * Serves a dump of the CMS's answers (`{ "<path?query>": RecordedResponse }`) from a local JSON
 * file, like the site's test fixture server: no CMS, no database, just the same bytes. Bodies are
 * encoded once at start, so each answer costs only the write.
 */
export async function startFileCms(file: string): Promise<FileCms> {
  const dump = JSON.parse(await readFile(file, 'utf8')) as Record<string, RecordedResponse>
  const answers = new Map(
    Object.entries(dump).map(([path, { status, contentType, json, base64 }]) => [
      path,
      {
        status,
        contentType,
        body: json === undefined ? Buffer.from(base64 ?? '', 'base64') : Buffer.from(JSON.stringify(json)),
      },
    ]),
  )
  let answered = 0
  let missing = 0
  const server = createServer((req, res) => {
    const answer = answers.get(req.url ?? '/')
    if (!answer) {
      missing++
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Not Found"}]}')
      return
    }
    answered++
    res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ answered, missing }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
