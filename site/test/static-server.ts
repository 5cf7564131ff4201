import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
}

type Rule = { pattern: RegExp; headers: Record<string, string | null> }

/**
 * The rules of a Cloudflare-style `_headers` file: a path pattern (`*` = anything) and its headers;
 * `! Name` (null here) detaches a header another matching rule set.
 */
export function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*')
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} })
      continue
    }
    const rule = rules.at(-1)
    const detach = /^!\s*(\S+)$/.exec(line.trim())?.[1]
    if (rule && detach) rule.headers[detach] = null
    const [name = '', ...value] = line.trim().split(':')
    if (rule && !detach) rule.headers[name.trim()] = value.join(':').trim()
  }
  return rules
}

export interface StaticServer {
  url: string
  /** Every request's path, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * Serves a built site the way the static host does: `dist/<path>/index.html` for directory paths,
 * the headers of `_headers` (CSP included) on every response, and 404 for anything missing.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8').catch(() => ''))
  const requests: string[] = []
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requests.push(path)
    const matching = rules.filter((rule) => rule.pattern.test(path))
    for (const rule of matching)
      for (const [name, value] of Object.entries(rule.headers)) if (value !== null) res.setHeader(name, value)
    // Detaching wins over any rule's value, then the detaching rule's own value applies.
    for (const rule of matching)
      for (const [name, value] of Object.entries(rule.headers)) if (value === null) res.removeHeader(name)
    for (const rule of matching.filter((r) => Object.values(r.headers).includes(null)))
      for (const [name, value] of Object.entries(rule.headers)) if (value !== null) res.setHeader(name, value)
    let file = normalize(join(root, path))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (path.endsWith('/')) file = join(file, 'index.html')
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      const bytes = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(bytes)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
