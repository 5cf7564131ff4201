/** The JSON shape every API error leaves with; `fields` maps a field name to its message. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> }
}

/**
 * Builds `{ error: { code, message } }`, plus `fields` (one message per invalid input field) when
 * given. Codes are stable snake_case; messages are for people.
 */
export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return fields ? { error: { code, message, fields } } : { error: { code, message } }
}
