import type { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'

// Reading the auth and profile forms (no-JS posts) and validating them with the same zod schemas
// as the JSON API.

/**
 * The form's fields named in `names`, as strings: a missing field or a file where text belongs reads
 * as '' (so it gets the "enter your …" message, not a type error).
 */
export async function readForm<N extends string>(
  c: Context<AppEnv>,
  names: readonly N[],
): Promise<Record<N, string>> {
  const body = await c.req.parseBody()
  const fields = {} as Record<N, string>
  for (const name of names) {
    const value = body[name]
    fields[name] = typeof value === 'string' ? value : ''
  }
  return fields
}

/** The parsed input, or one message per invalid field (the first problem found for each). */
export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string> }

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, data: result.data }
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message
  return { ok: false, fields }
}
