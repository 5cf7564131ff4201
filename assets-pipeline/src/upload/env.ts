/** Where and how to upload: R2's S3 API (or any S3-compatible server). */
export interface UploadConfig {
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  /** Bucket in the path (`endpoint/bucket/key`), which R2 and local servers both accept. */
  forcePathStyle: boolean
}

/** Missing or malformed upload settings; the message names the variables, never their values. */
export class UploadConfigError extends Error {
  override name = 'UploadConfigError'
}

/**
 * Reads R2_ENDPOINT, R2_BUCKET, R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY and optionally R2_REGION
 * (default `auto`) and R2_FORCE_PATH_STYLE (default `1`), failing with every problem at once.
 */
export function uploadConfigFromEnv(env: Record<string, string | undefined>): UploadConfig {
  const problems: string[] = []
  const required = (name: string) => {
    const value = env[name]?.trim()
    if (!value) problems.push(`${name} is not set`)
    return value ?? ''
  }
  const endpoint = required('R2_ENDPOINT')
  const bucket = required('R2_BUCKET')
  const accessKeyId = required('R2_ACCESS_KEY_ID')
  const secretAccessKey = required('R2_SECRET_ACCESS_KEY')
  if (endpoint) {
    try {
      const url = new URL(endpoint)
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        problems.push('R2_ENDPOINT is not an http(s) URL')
    } catch {
      problems.push('R2_ENDPOINT is not a URL')
    }
  }
  if (bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    problems.push('R2_BUCKET is not a valid bucket name')
  const pathStyle = env.R2_FORCE_PATH_STYLE?.trim() ?? '1'
  if (!['', '0', '1', 'true', 'false'].includes(pathStyle)) problems.push('R2_FORCE_PATH_STYLE is not 0 or 1')
  if (problems.length > 0) throw new UploadConfigError(`upload settings: ${problems.join('; ')}`)
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    region: env.R2_REGION?.trim() || 'auto',
    forcePathStyle: pathStyle !== '0' && pathStyle !== 'false',
  }
}
