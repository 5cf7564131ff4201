import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { CMS_SECURITY_HEADERS } from './src/security-headers.ts'

const nextConfig: NextConfig = {
  // Payload's admin is the whole app; no image optimisation or i18n routing needed yet.
  poweredByHeader: false,
  // `next dev` serves its scripts only to pages opened at localhost unless told otherwise: opened at
  // http://127.0.0.1:3000/admin (the address the site and the tests use) the admin stayed blank.
  allowedDevOrigins: ['127.0.0.1', '[::1]'],
  // HSTS, nosniff, Referrer-Policy and framing limited to this origin on every response (admin and API).
  headers: async () => [{ source: '/:path*', headers: [...CMS_SECURITY_HEADERS] }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
