/** The JSON shape every API error leaves with. */
export interface ErrorBody {
  error: { code: string; message: string }
}

/** Builds `{ error: { code, message } }`. Codes are stable snake_case; messages are for people. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } }
}
