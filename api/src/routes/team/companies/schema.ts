import { z } from '@hono/zod-openapi'

// A company's fields, shared by the forms and `/api/v1/companies`.

export const COMPANY_FIELDS = ['name', 'slug', 'website'] as const
export const COMPANY_EDIT_FIELDS = ['name', 'website'] as const

const text = (value: unknown) => value ?? ''
/** An empty field (or JSON null) means "no website". */
const blankToNull = (value: unknown) => (value === undefined || value === null || value === '' ? null : value)

const name = z
  .string({ error: "Enter the company's name as text" })
  .trim()
  .min(1, "Enter the company's name")
  .max(120, 'Enter a name of at most 120 characters')

/**
 * The company's site: an absolute https address (what the team opens from the company page), at
 * most 300 characters. Plain http and other schemes are refused, as the database's check does.
 */
const website = z
  .string({ error: 'Enter the website as text' })
  .trim()
  .max(300, 'Enter an address of at most 300 characters')
  .refine(isHttpsUrl, {
    message: 'Enter the full address starting with https://, like https://orbital-labs.example',
  })
  .nullable()

function isHttpsUrl(value: string): boolean {
  // The prefix as typed, not only as parsed: `HTTPS://…` would pass the parser but not the database.
  if (!value.startsWith('https://')) return false
  try {
    return new URL(value).hostname !== ''
  } catch {
    return false
  }
}

export const companyInput = z.object({
  name: z.preprocess(text, name),
  slug: z.preprocess(
    text,
    z
      .string({ error: 'Enter a slug as text' })
      .trim()
      .min(1, 'Enter a slug, like orbital-labs')
      .max(60, 'Enter a slug of at most 60 characters')
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'Use lower-case letters, digits and single hyphens between them, like orbital-labs',
      ),
  ),
  website: z.preprocess(blankToNull, website).optional(),
})

/**
 * An edit of a company: the form sends both fields; `PATCH /api/v1/companies/{id}` may send either
 * (`website: null` removes it). The slug stays: links and files are named by it.
 */
export const companyEdit = z.object({
  name: name.optional(),
  website: z.preprocess((value) => (value === '' ? null : value), website).optional(),
})

export type CompanyInput = z.infer<typeof companyInput>
export type CompanyEdit = z.infer<typeof companyEdit>
