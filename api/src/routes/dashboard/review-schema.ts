import { z } from '@hono/zod-openapi'

// The review loop's input, shared by the dashboard's forms and `/api/v1`: a decision (with a
// comment, required for a change request) and a comment (internal is for the studio; the data layer
// refuses it from a client).

export const DECISION_FIELDS = ['comment'] as const
export const COMMENT_FIELDS = ['body', 'internal'] as const
export const DECISIONS = ['approved', 'changes_requested'] as const

/** The longest comment kept. */
export const COMMENT_MAX = 5000

const text = (value: unknown) => value ?? ''
const commentText = z
  .string({ error: 'Write the comment as text' })
  .trim()
  .max(COMMENT_MAX, 'Keep the comment to 5,000 characters or fewer')

export const reviewDecision = z
  .object({
    decision: z.enum(DECISIONS, { error: 'Choose a decision: approved or changes_requested' }),
    comment: z.preprocess(text, commentText).optional().openapi({
      description: 'Why: required for changes_requested, optional for approved',
    }),
  })
  .superRefine((input, ctx) => {
    if (input.decision === 'changes_requested' && !input.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what should change' })
    }
  })

export const reviewComment = z.object({
  body: z.preprocess(text, commentText.min(1, 'Write a comment')),
  internal: z
    .boolean({ error: 'Say whether the comment is internal: true or false' })
    .optional()
    .openapi({ description: "Studio only: the client won't see it (page, API, activity feed)" }),
})

export type ReviewDecisionInput = z.infer<typeof reviewDecision>
export type ReviewCommentInput = z.infer<typeof reviewComment>
