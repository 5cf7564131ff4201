import type { Child } from 'hono/jsx'
import { SITE_CSS } from './site-styles.ts'

/** Props of {@link SiteLayout}. */
export interface SiteLayoutProps {
  /** The page's own title; the studio name is appended. */
  title: string
  /** The response's CSP nonce (`c.var.secureHeadersNonce`); the inline stylesheet needs it. */
  nonce?: string
  /** Extra rules for this kind of page (e.g. the dashboard's), appended to the site's CSS. */
  styles?: string
  /** Replaces the header's main navigation (the dashboard puts its own there). */
  nav?: Child
  children?: Child
}

/**
 * The site's frame for pages the Worker renders: the same skip link, header, `main#main` and footer
 * as site/src/layouts/BaseLayout.astro, styled by an inline copy of the site's CSS. Pages rendered
 * here are answers to a request (errors, dashboards), so they are kept out of search results.
 */
export function SiteLayout({ title, nonce, styles, nav, children }: SiteLayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="dark" />
        <meta name="theme-color" content="#070a1a" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Kairo`}</title>
        <style
          nonce={nonce}
          dangerouslySetInnerHTML={{ __html: styles ? `${SITE_CSS}\n${styles.trim()}` : SITE_CSS }}
        />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="brand" href="/" aria-label="Kairo, home">
              <span class="brand__orb" aria-hidden="true"></span>Kairo
            </a>
            {nav ?? (
              <nav aria-label="Main">
                <ul class="nav">
                  <li>
                    <a href="/#work">Work</a>
                  </li>
                  <li>
                    <a href="/contact/">Contact</a>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>© {new Date().getFullYear()} Kairo — a studio for websites with depth.</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
