import { DEFAULT_CLIENT_IP_HEADER } from './client-ip.ts'

/** The CMS's sign-in settings (README "Sign-in"). */
export interface AuthEnv {
  /** `CMS_CLIENT_IP_HEADER` (default `x-forwarded-for`): where the rate limits read the client's address. */
  clientIpHeader: string
  /** The auth cookie's `Secure` flag: on whenever `NODE_ENV` is `production` (`next start`). */
  secureCookies: boolean
}

/** Reads `CMS_CLIENT_IP_HEADER` and `NODE_ENV`, adding to `problems`. */
export function readAuthEnv(env: NodeJS.ProcessEnv, problems: string[]): AuthEnv {
  const clientIpHeader = env.CMS_CLIENT_IP_HEADER?.trim().toLowerCase() || DEFAULT_CLIENT_IP_HEADER
  if (!/^[a-z0-9-]+$/.test(clientIpHeader)) {
    problems.push(`CMS_CLIENT_IP_HEADER must be an HTTP header name, got "${clientIpHeader}"`)
  }
  return { clientIpHeader, secureCookies: env.NODE_ENV === 'production' }
}
