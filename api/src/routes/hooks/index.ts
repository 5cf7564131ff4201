import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { recordRunReport } from '../../data/automation-runs.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'
import { publicOrigin } from '../../lib/negotiate.ts'
import { retryTransient } from '../../lib/transient.ts'
import { isWebhookKeyId, WEBHOOK_PATH, webhookSecret, webhookSigningKeyOf } from '../../webhooks/keys.ts'
import {
  SIGNATURE_HEADER,
  SIGNATURE_WINDOW_SECONDS,
  type SignatureProblem,
  TIMESTAMP_HEADER,
  webhookSignatureProblem,
} from '../../webhooks/signature.ts'
import { runReportSchema } from './schema.ts'

// `POST /api/hooks/automation-runs/<keyId>`: an automation's engine (n8n, Make, Zapier, a script)
// reports a run starting and finishing. Callers are programs, so every answer is JSON in the one
// error shape. The checks run cheapest and least revealing first, and nothing reaches the database
// before the signature verifies: the body's size (16 KB), the Worker's configuration, the key id's
// shape, the signature and its timestamp, then the body's type and content. No per-IP limit: engines
// share addresses (one n8n cloud, one Zapier), and an unsigned flood never costs a query.

/** The largest report accepted; a report is a few hundred bytes. */
export const MAX_REPORT_BYTES = 16 * 1024

const JSON_TYPE = /^application\/json\b/i

const SIGNATURE_MESSAGES: Record<SignatureProblem, string> = {
  missing: `Send the ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} headers`,
  malformed: `${TIMESTAMP_HEADER} must be Unix seconds and ${SIGNATURE_HEADER} v1=<64 hex characters>`,
  outside_window: `${TIMESTAMP_HEADER} is outside the ${SIGNATURE_WINDOW_SECONDS}-second window: sign each request as you send it, with a correct clock`,
  mismatch: `${SIGNATURE_HEADER} does not match the body under this webhook's secret`,
}

/** The JSON body, or undefined when the bytes are not UTF-8 JSON. */
function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body))
  } catch {
    return undefined
  }
}

const notFound = (c: Context<AppEnv>) =>
  c.json(errorBody('not_found', 'No webhook has this URL; it may have been rotated'), 404)

export const hooks = createRouter().post(
  `${WEBHOOK_PATH}/:keyId`,
  bodyLimit({
    maxSize: MAX_REPORT_BYTES,
    onError: (c) =>
      c.json(errorBody('payload_too_large', `A run report is at most ${MAX_REPORT_BYTES} bytes`), 413),
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store')
    const signingKey = webhookSigningKeyOf(c.env)
    if (!signingKey) {
      return c.json(
        errorBody('webhooks_not_configured', 'Run webhooks are not configured on this server'),
        503,
      )
    }
    const keyId = c.req.param('keyId')
    if (!isWebhookKeyId(keyId)) return notFound(c)

    const body = new Uint8Array(await c.req.arrayBuffer())
    const problem = await webhookSignatureProblem(await webhookSecret(signingKey, keyId), {
      timestamp: c.req.header(TIMESTAMP_HEADER),
      signature: c.req.header(SIGNATURE_HEADER),
      body,
    })
    if (problem) {
      log(c, 'info', 'run report refused', { reason: problem })
      const code = problem === 'outside_window' ? 'timestamp_outside_window' : 'invalid_signature'
      return c.json(errorBody(code, SIGNATURE_MESSAGES[problem]), 401)
    }

    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      return c.json(errorBody('unsupported_media_type', 'Send the report as application/json'), 415)
    }
    const json = parseJson(body)
    if (json === undefined) return c.json(errorBody('invalid_json', 'The body is not valid JSON'), 400)
    const parsed = runReportSchema.safeParse(json)
    if (!parsed.success) {
      const fields: Record<string, string> = {}
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message
      return c.json(errorBody('invalid_input', 'The report needs attention', fields), 400)
    }

    // Safe to repeat on a dropped connection: the run id makes a second write a duplicate.
    const result = await retryTransient(() =>
      recordRunReport(c.var.db().db, keyId, parsed.data, publicOrigin(c)),
    )
    if (result.outcome === 'unknown_key') return notFound(c)
    if (result.outcome === 'draft') {
      return c.json(
        errorBody('automation_draft', 'This automation is a draft; runs are recorded once it is published'),
        409,
      )
    }
    const { run } = result
    log(c, 'info', 'run reported', {
      automationId: result.automationId,
      runId: run.id,
      outcome: run.outcome,
      duplicate: run.duplicate,
    })
    return c.json({ run }, 202)
  },
)
