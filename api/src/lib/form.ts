import type { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'

// Reading the no-JS form posts (auth, profile, invite, team) and validating them with the same zod
// schemas as the JSON API.

/** The text fields of a form post; a file where text belongs counts as missing. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value
  return fields
}

/**
 * The form's fields named in `names`, as strings: a missing field or a file where text belongs reads
 * as '' (so it gets the "enter your …" message, not a type error).
 */
export async function readFormFields<N extends string>(
  c: Context<AppEnv>,
  names: readonly N[],
): Promise<Record<N, string>> {
  const body = await readForm(c)
  const fields = {} as Record<N, string>
  for (const name of names) fields[name] = body[name] ?? ''
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

/** Empty form fields (`''`) mean "not given". */
export const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)

/** The longest search (`?q=`) the lists take; a longer one is cut, not refused. */
export const SEARCH_MAX_LENGTH = 200

/**
 * Normalises a list's `?q=`: trimmed and cut to {@link SEARCH_MAX_LENGTH}; blank (or not text) means
 * no search. A search box is never "invalid": whatever was typed is searched for literally.
 */
export const searchText = (value: unknown) => {
  if (typeof value !== 'string') return undefined
  const text = value.trim().slice(0, SEARCH_MAX_LENGTH)
  return text === '' ? undefined : text
}
