/**
 * The studio's mark in the admin, where Payload would show its own: a planet with its ring, as the
 * site's favicon draws it (site/public/favicon.svg; cms/public/favicon.svg is the admin's tab icon).
 * Server components, registered in payload.config.ts (`admin.components.graphics`).
 */
function Mark({ size, gradientId }: { size: number; gradientId: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <radialGradient id={gradientId} cx="35%" cy="30%" r="75%">
          <stop offset="0" stopColor="#8fd3ff" />
          <stop offset="1" stopColor="#3b2a7a" />
        </radialGradient>
      </defs>
      <rect width="32" height="32" rx="7" fill="#070a1a" />
      <circle cx="16" cy="16" r="8" fill={`url(#${gradientId})`} />
      <ellipse
        cx="16"
        cy="16"
        rx="13"
        ry="4"
        fill="none"
        stroke="#c7a6ff"
        strokeWidth="1.5"
        transform="rotate(-20 16 16)"
      />
    </svg>
  )
}

/** On the sign-in and password pages: the mark and the studio's name. */
export function Logo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem' }}>
      <Mark size={48} gradientId="kairo-logo-planet" />
      <span style={{ fontSize: '2rem', fontWeight: 600, letterSpacing: '0.02em' }}>Kairo</span>
    </span>
  )
}

/** In the navigation and the header: the mark alone, named for screen readers. */
export function Icon() {
  return (
    <span role="img" aria-label="Kairo" style={{ display: 'inline-flex' }}>
      <Mark size={24} gradientId="kairo-icon-planet" />
    </span>
  )
}
