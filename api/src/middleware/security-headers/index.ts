import type { MiddlewareHandler } from 'hono'
import { NONCE, secureHeaders } from 'hono/secure-headers'

/** One year, the minimum HSTS preload lists accept. */
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers every Worker response carries, through Hono's `secureHeaders`: HSTS for a year with
 * subdomains, `nosniff`, no framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`), a strict
 * Referrer-Policy, a Permissions-Policy that turns off sensors and devices, and a CSP that allows
 * only this origin. Inline `<style>` and `<script>` need the request's nonce, which a page reads
 * from `c.var.secureHeadersNonce` (set before the handler runs).
 *
 * Note: the static site is served without the Worker; its pages need the same headers from the
 * assets' `_headers` file (see api/README.md).
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    strictTransportSecurity: HSTS,
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: true,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'", NONCE],
    },
  })
}
