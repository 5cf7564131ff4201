import { z } from 'zod'
import { SIGNATURE_WINDOW_SECONDS } from '../../webhooks/signature.ts'

// The body of a run report (`POST /api/hooks/automation-runs/<keyId>`). Messages name the field and
// what to send, for whoever wires an engine by hand.

const instant = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO 8601 date-time, e.g. 2026-03-04T09:30:00Z` })
    .transform((value) => new Date(value))
    // The engine's clock may run a little ahead of ours (the signature's window), never further: a
    // run dated in the future would sit at the top of every list until the clock caught up.
    .refine((date) => date.getTime() <= Date.now() + SIGNATURE_WINDOW_SECONDS * 1000, {
      error: `${field} is in the future`,
    })

/** One report of a run: it started, or it finished with an outcome. */
export const runReportSchema = z
  .object({
    runId: z
      .string({ error: 'runId (the engine’s execution id) is required' })
      .min(1, 'runId must not be empty')
      .max(200, 'runId must be at most 200 characters'),
    event: z.enum(['started', 'finished'], { error: 'event must be "started" or "finished"' }),
    outcome: z.enum(['success', 'failure'], { error: 'outcome must be "success" or "failure"' }).optional(),
    startedAt: instant('startedAt').optional(),
    finishedAt: instant('finishedAt').optional(),
    message: z
      .string({ error: 'message must be text' })
      .max(1000, 'message must be at most 1000 characters')
      .optional()
      .transform((value) => value?.trim() || undefined),
  })
  .superRefine((report, ctx) => {
    if (report.event === 'finished' && !report.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'A finished run needs an outcome' })
    }
    // Said rather than ignored: a started report with an outcome is a wiring mistake.
    if (report.event === 'started' && report.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Only a finished run has an outcome' })
    }
    if (report.event === 'started' && report.finishedAt) {
      ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'Only a finished run has finishedAt' })
    }
    if (report.startedAt && report.finishedAt && report.finishedAt < report.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'finishedAt is before startedAt' })
    }
  })

export type RunReportInput = z.output<typeof runReportSchema>
