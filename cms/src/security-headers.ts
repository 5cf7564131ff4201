// The security headers of every CMS response (admin pages, REST and GraphQL), sent by next.config.ts.
// The same values as the site's (site/src/lib/security-headers.ts) and the Worker's
// (api/src/middleware/security-headers/), except where Payload's admin needs otherwise:
// - the admin renders inline scripts and styles (React server components, its theme), so the CSP
//   here does not restrict scripts or styles; it forbids what no admin page uses (plugins, a foreign
//   `<base>`, forms posting elsewhere);
// - the admin frames itself (live preview, document drawers), so framing is limited to the CMS's own
//   origin (`frame-ancestors 'self'`, `X-Frame-Options: SAMEORIGIN`) instead of forbidden.

/** One header, as Next's `headers()` takes it. */
export interface Header {
  key: string
  value: string
}

export const CMS_SECURITY_HEADERS: readonly Header[] = [
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'self'; base-uri 'self'; object-src 'none'; form-action 'self'",
  },
]
