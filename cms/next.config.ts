import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Payload's admin is the whole app; no image optimisation or i18n routing needed yet.
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
