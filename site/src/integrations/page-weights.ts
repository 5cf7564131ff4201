import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { builtFileFacts, FACTS_CACHE } from '../lib/built-file-facts.ts'
import { overBudget, PAGE_BUDGETS, type PageWeight, pageFacts, pageWeight } from '../lib/page-weight.ts'

/** Where the report goes: beside the site, not in the output the host serves (git-ignored). */
export const PAGE_WEIGHTS_FILE = 'page-weights.json'
const SHOWN = 5

/**
 * After a build, the weight of every page (src/lib/page-weight.ts) in `page-weights.json` at the
 * site's root, heaviest first, with the budgets; the build's log names the heaviest pages and warns
 * of every page over a budget, so a change that makes a page heavy is seen at the build it lands in.
 * Only the pages this build wrote are read again (src/lib/built-file-facts.ts).
 */
export function pageWeights(): AstroIntegration {
  let root = ''
  let cacheFile = ''
  return {
    name: 'kairo:page-weights',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root)
        cacheFile = fileURLToPath(new URL(`${FACTS_CACHE}page-weights.json`, config.cacheDir))
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir)
        const facts = await builtFileFacts({
          outDir,
          cacheFile,
          include: (file) => file.endsWith('.html'),
          read: (bytes) => pageFacts(bytes.toString('utf8')),
        })
        // The sizes of the files the pages name (a few hundred, shared), not of every file built.
        const named = new Set(
          [...facts.values()].flatMap((page) => [...page.stylesheets, ...page.scripts, ...page.images]),
        )
        const sizes = new Map<string, number>()
        await Promise.all(
          [...named].map(async (path) => {
            const file =
              path.startsWith('/') && !path.startsWith('//') ? decodeURI(path.split(/[?#]/)[0] ?? '') : ''
            const size = file
              ? await stat(join(outDir, file)).then(
                  (info) => info.size,
                  () => undefined,
                )
              : undefined
            if (size !== undefined) sizes.set(path, size)
          }),
        )
        const sizeOf = (path: string) => sizes.get(path)
        const weights: PageWeight[] = [...facts].map(([file, page]) =>
          pageWeight(`/${file.replace(/(^|\/)index\.html$/, '$1')}`, page, sizeOf),
        )
        weights.sort((a, b) => b.total - a.total)
        const over = overBudget(weights)
        const report = {
          builtAt: new Date().toISOString(),
          budgets: PAGE_BUDGETS,
          overBudget: over,
          pages: weights,
        }
        await writeFile(join(root, PAGE_WEIGHTS_FILE), `${JSON.stringify(report, null, 2)}\n`)
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
        const heaviest = weights.slice(0, SHOWN).map((weight) => `${weight.path} ${kb(weight.total)}`)
        logger.info(`${PAGE_WEIGHTS_FILE}: ${weights.length} pages; heaviest: ${heaviest.join(', ')}`)
        for (const { path, reason } of over) logger.warn(`over budget: ${path}: ${reason}`)
      },
    },
  }
}
