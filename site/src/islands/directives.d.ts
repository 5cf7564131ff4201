// The site's own client directive (src/integrations/islands.ts registers it, src/islands/gate.ts is it).
declare module 'astro' {
  interface AstroClientDirectives {
    'client:idle3d'?: boolean
  }
}

export {}
