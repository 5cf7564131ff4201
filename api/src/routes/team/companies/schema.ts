import { z } from '@hono/zod-openapi'

// A new company's fields, shared by the form and `POST /api/v1/companies`.

export const COMPANY_FIELDS = ['name', 'slug'] as const

const text = (value: unknown) => value ?? ''

export const companyInput = z.object({
  name: z.preprocess(
    text,
    z
      .string({ error: "Enter the company's name as text" })
      .trim()
      .min(1, "Enter the company's name")
      .max(120, 'Enter a name of at most 120 characters'),
  ),
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
})

export type CompanyInput = z.infer<typeof companyInput>
