import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIslandsFixtureSite, type StaticServer, serveStatic } from '@kairo/site/island-fixtures'

/**
 * Builds the site against its fixture CMS with two pipeline-made models (`@kairo/site/island-fixtures`)
 * into a temporary folder, serves it as the static host would (with its `_headers`), runs `use`,
 * then stops the server and removes the folder. The islands' benchmarks all start here.
 */
export async function withIslandsSite<T>(
  name: string,
  use: (site: StaticServer, dist: string) => Promise<T>,
) {
  const work = await mkdtemp(join(tmpdir(), `kairo-bench-${name}-`))
  let site: StaticServer | undefined
  try {
    const dist = join(work, 'dist')
    process.stderr.write('building the fixture site with test models\n')
    await buildIslandsFixtureSite(dist, work)
    site = await serveStatic(dist)
    return await use(site, dist)
  } finally {
    await site?.close()
    await rm(work, { recursive: true, force: true })
  }
}
