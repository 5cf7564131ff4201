import { z } from '@hono/zod-openapi'

// A deliverable's fields, shared by the team's upload forms and `/api/v1`.

export const DELIVERABLE_FIELDS = ['title', 'file'] as const

/** A deliverable's title. */
export const deliverableTitle = z
  .string({ error: "Enter the deliverable's title as text" })
  .trim()
  .min(1, "Enter the deliverable's title")
  .max(200, 'Enter a title of at most 200 characters')

/** A new deliverable's text field (the file travels beside it). */
export const deliverableInput = z.object({ title: z.preprocess((value) => value ?? '', deliverableTitle) })

/** The name of an API upload (the body is the file): sanitised before it is stored. */
export const fileNameInput = z
  .string({ error: 'Give the file name in the fileName query parameter' })
  .min(1, 'Give the file name in the fileName query parameter')
  .max(1000, 'Give a file name of at most 1000 characters')
