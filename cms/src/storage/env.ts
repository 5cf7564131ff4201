/**
 * Where the CMS keeps uploaded files (media and model sources): the private bucket `R2_MEDIA_BUCKET`
 * on R2's S3 API (`R2_ENDPOINT` and its keys, shared with processed models). Null when
 * `R2_MEDIA_BUCKET` is unset: files then stay on the CMS host's disk (unit and integration tests
 * that do not start an S3 server); `./kairo start`, the e2e system and production set it.
 */
export interface MediaStorageEnv {
  bucket: string
  endpoint: string
  region: string
  forcePathStyle: boolean
  accessKeyId: string
  secretAccessKey: string
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/**
 * Reads `R2_MEDIA_BUCKET` and, when it is set, the R2 connection it needs (`R2_ENDPOINT`,
 * `R2_ACCESS_KEY_ID`, `R2_SECRET_ACCESS_KEY`, optional `R2_REGION`, `R2_FORCE_PATH_STYLE`), adding to
 * `problems`. Messages name variables, never the keys' values.
 */
export function readMediaStorage(
  env: Record<string, string | undefined>,
  problems: string[],
): MediaStorageEnv | null {
  const bucket = env.R2_MEDIA_BUCKET?.trim() ?? ''
  if (!bucket) return null
  const endpoint = env.R2_ENDPOINT?.trim() ?? ''
  const accessKeyId = env.R2_ACCESS_KEY_ID?.trim() ?? ''
  const secretAccessKey = env.R2_SECRET_ACCESS_KEY?.trim() ?? ''
  if (!BUCKET.test(bucket)) problems.push(`R2_MEDIA_BUCKET is not a valid bucket name, got "${bucket}"`)
  if (bucket === env.R2_BUCKET?.trim())
    problems.push('R2_MEDIA_BUCKET must differ from R2_BUCKET (media are private, processed models public)')
  if (!endpoint) problems.push('R2_ENDPOINT is not set (R2_MEDIA_BUCKET needs it)')
  else if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol))
    problems.push('R2_ENDPOINT must be an http(s) URL')
  if (!accessKeyId) problems.push('R2_ACCESS_KEY_ID is not set (R2_MEDIA_BUCKET needs it)')
  if (!secretAccessKey) problems.push('R2_SECRET_ACCESS_KEY is not set (R2_MEDIA_BUCKET needs it)')
  const pathStyle = env.R2_FORCE_PATH_STYLE?.trim() || '1'
  if (!['0', '1', 'true', 'false'].includes(pathStyle)) problems.push('R2_FORCE_PATH_STYLE must be 0 or 1')
  return {
    bucket,
    endpoint,
    region: env.R2_REGION?.trim() || 'auto',
    forcePathStyle: pathStyle !== '0' && pathStyle !== 'false',
    accessKeyId,
    secretAccessKey,
  }
}
