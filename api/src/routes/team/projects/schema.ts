import { z } from '@hono/zod-openapi'
import { type ProjectStatus, projectStatus } from '@kairo/db'
import type { ProjectFields } from '../../../data/project-edits.ts'

// A project's and a milestone's fields, shared by the team's forms and `/api/v1`. Dates are days
// (`2031-05-01`, what `<input type="date">` sends), stored as midnight UTC.

export const PROJECT_FIELDS = ['name', 'status', 'startedAt', 'dueAt', 'description'] as const
export const MILESTONE_FIELDS = ['title', 'dueAt'] as const

export const PROJECT_STATUSES = projectStatus.enumValues as [ProjectStatus, ...ProjectStatus[]]

const text = (value: unknown) => value ?? ''
/** An empty field (or JSON null) means "no date". */
const blankToNull = (value: unknown) => (value === '' ? null : value)

const name = z
  .string({ error: "Enter the project's name as text" })
  .trim()
  .min(1, "Enter the project's name")
  .max(120, 'Enter a name of at most 120 characters')
const status = z.enum(PROJECT_STATUSES, { error: `Choose a status: ${PROJECT_STATUSES.join(', ')}` })
const description = z
  .string({ error: 'Write the description as text' })
  .trim()
  .max(5000, 'Keep the description to 5,000 characters or fewer')
const day = (what: string) =>
  z.preprocess(blankToNull, z.iso.date({ error: `Enter the ${what} as a date, like 2031-05-01` }).nullable())

/** A new project (`status`, when not sent, is planning; dates and description are optional). */
export const projectInput = z.object({
  name: z.preprocess(text, name),
  status: z.preprocess((value) => (value === undefined ? 'planning' : value), status),
  startedAt: day('start date').optional(),
  dueAt: day('due date').optional(),
  description: z.preprocess(text, description),
})

/** An edit: the form sends every field; `PATCH /api/v1/projects/{id}` any of them (null clears a date). */
export const projectEdit = z.object({
  name: name.optional(),
  status: status.optional(),
  startedAt: day('start date').optional(),
  dueAt: day('due date').optional(),
  description: description.optional(),
})

export const milestoneInput = z.object({
  title: z.preprocess(
    text,
    z
      .string({ error: "Enter the milestone's title as text" })
      .trim()
      .min(1, "Enter the milestone's title")
      .max(200, 'Enter a title of at most 200 characters'),
  ),
  dueAt: day('due date').optional(),
})

export const milestoneMove = z.object({
  direction: z.enum(['up', 'down'], { error: 'Choose a direction: up or down' }),
})

export const milestoneState = z.object({
  done: z.boolean({ error: 'Say whether the milestone is done: true or false' }),
})

export type ProjectInput = z.infer<typeof projectInput>
export type ProjectEdit = z.infer<typeof projectEdit>
export type MilestoneInput = z.infer<typeof milestoneInput>

/** A new project's parsed input as the data layer's fields (an absent date is no date). */
export function toFields(input: ProjectInput): ProjectFields {
  return { ...input, startedAt: input.startedAt ?? null, dueAt: input.dueAt ?? null }
}
