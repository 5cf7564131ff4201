import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html; charset=utf-8',
  '.glb': 'model/gltf-binary',
}

export interface PosterServer {
  origin: string
  /** Serves `glb` at a fresh URL until the returned function is called. */
  host(glb: Uint8Array): { url: string; release: () => void }
  close(): Promise<void>
}

/**
 * A loopback HTTP server for the poster page: the page itself, three.js and its decoders straight
 * from node_modules (no CDN, no network), and the models being rendered. Only files under three's
 * package folder are served.
 */
export async function startPosterServer(threeRoot: string, page: string): Promise<PosterServer> {
  const models = new Map<string, Uint8Array>()
  let counter = 0
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const send = (status: number, type: string, body: Uint8Array | string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      response.end(body)
    }
    if (path === '/') return send(200, TYPES['.html'] as string, page)
    const model = path.startsWith('/model/') ? models.get(path.slice('/model/'.length)) : undefined
    if (model) return send(200, TYPES['.glb'] as string, model)
    if (path.startsWith('/three/')) {
      const file = normalize(join(threeRoot, path.slice('/three/'.length)))
      if (file.startsWith(threeRoot + sep) && TYPES[extname(file)]) {
        try {
          return send(200, TYPES[extname(file)] as string, await readFile(file))
        } catch {}
      }
    }
    send(404, 'text/plain', 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    host(glb) {
      const id = `${++counter}.glb`
      models.set(id, glb)
      return { url: `/model/${id}`, release: () => models.delete(id) }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
