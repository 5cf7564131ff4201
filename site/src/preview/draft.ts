import { z } from 'astro/zod'
import type { PreviewDraft } from '../lib/preview-scope.ts'
import { renderLexical } from '../lib/rich-text/index.ts'
import { caseStudySchema, pageSchema, serviceSchema } from '../lib/schemas.ts'
import type { PreviewCollection } from './routes.ts'

/** A draft read from the CMS, or why there is none: the status and message the preview answers. */
export type DraftResult = { ok: true; draft: PreviewDraft } | { ok: false; status: number; message: string }

const cmsError = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

/**
 * Asks the CMS for the latest draft behind a signed link (`GET /api/preview/<collection>/<id>?token=`;
 * cms/src/preview/endpoint.ts). The CMS checks the token: the site holds no secret and no credential.
 * The draft is parsed with the published pages' schemas and its body rendered by the same safe
 * Lexical renderer as the build's loader, so the views get exactly what the static pages get.
 */
export async function fetchDraft(
  cmsUrl: string,
  target: { collection: PreviewCollection; id: string },
  token: string,
  timeoutMs = 15_000,
): Promise<DraftResult> {
  const url = `${cmsUrl}/api/preview/${target.collection}/${target.id}?token=${encodeURIComponent(token)}`
  let response: Response
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch {
    return { ok: false, status: 502, message: 'The CMS cannot be reached; try again in a moment.' }
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const refusal = cmsError.safeParse(body)
    // The CMS's refusals (401, 403, 404) are passed on with its message; anything else is its fault.
    if (refusal.success && [401, 403, 404].includes(response.status))
      return { ok: false, status: response.status, message: refusal.data.error.message }
    return { ok: false, status: 502, message: `The CMS answered ${response.status}.` }
  }
  return parseDraft(target.collection, body)
}

/** Parses a draft as the content collections parse published documents (src/lib/schemas.ts). */
export function parseDraft(collection: PreviewCollection, doc: unknown): DraftResult {
  // Drafts may skip required fields; say what is missing instead of failing the whole preview.
  const unfit = (error: z.ZodError): DraftResult => ({
    ok: false,
    status: 422,
    message: `This draft cannot be shown yet: ${z.prettifyError(error)}`,
  })
  const html = () => renderLexical((doc as { body?: unknown } | null)?.body)
  switch (collection) {
    case 'case-studies': {
      const parsed = caseStudySchema.safeParse(doc)
      return parsed.success
        ? { ok: true, draft: { collection, data: parsed.data, html: html() } }
        : unfit(parsed.error)
    }
    case 'services': {
      const parsed = serviceSchema.safeParse(doc)
      return parsed.success
        ? { ok: true, draft: { collection, data: parsed.data, html: html() } }
        : unfit(parsed.error)
    }
    case 'pages': {
      const parsed = pageSchema.safeParse(doc)
      return parsed.success ? { ok: true, draft: { collection, data: parsed.data } } : unfit(parsed.error)
    }
  }
}
