// The site's look for pages the Worker renders (the contact form's error page now, the dashboard
// next). A copy of the tokens and base rules of site/src/styles/global.css plus the contact form's
// rules from site/src/components/ContactForm.astro: the static build's stylesheet has a hashed name
// the Worker cannot know. Note: keep both in sync when either changes (see api/README.md).

const BASE = `
:root{--bg:#070a1a;--bg-raised:#0f1530;--text:#e8ecff;--muted:#aab3d9;--accent:#8fd3ff;--accent-2:#c7a6ff;--border:#27305a;--focus:#ffe08a;--danger:#ff9b9b;--radius:14px;--wrap:68rem;color-scheme:dark}
*,*::before,*::after{box-sizing:border-box}
html{background:var(--bg);-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;color:var(--text);font:400 1.0625rem/1.65 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:radial-gradient(60rem 40rem at 85% -10%,rgb(120 90 255/.22),transparent 60%),radial-gradient(50rem 30rem at -10% 20%,rgb(60 160 255/.16),transparent 60%),var(--bg)}
main{flex:1;padding-block:2rem 4rem}
main:focus{outline:none}
.wrap{width:min(100% - 2.5rem,var(--wrap));margin-inline:auto}
a{color:var(--accent);text-underline-offset:.2em}
a:hover{color:var(--text)}
:focus-visible{outline:3px solid var(--focus);outline-offset:3px;border-radius:4px}
.skip-link{position:absolute;left:1rem;top:-4rem;z-index:10;padding:.6rem 1rem;background:var(--focus);color:#111;font-weight:600;border-radius:8px}
.skip-link:focus{top:1rem}
h1,h2,h3,h4{line-height:1.15;letter-spacing:-.01em;margin-block:1.6em .6em}
h1{font-size:clamp(2rem,6vw,3.6rem);margin-top:.2em;background:linear-gradient(100deg,var(--text) 30%,var(--accent) 70%,var(--accent-2));-webkit-background-clip:text;background-clip:text;color:transparent}
h2{font-size:clamp(1.5rem,3.5vw,2.1rem)}
.site-header{border-bottom:1px solid var(--border);background:rgb(7 10 26/.7)}
.site-header__inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem 1.5rem;padding-block:1rem}
.brand{display:inline-flex;align-items:center;gap:.6rem;color:var(--text);font-weight:700;font-size:1.25rem;letter-spacing:.04em;text-decoration:none}
.brand__orb{width:1.1rem;height:1.1rem;border-radius:50%;background:radial-gradient(circle at 35% 35%,#fff,var(--accent) 40%,var(--accent-2) 90%);box-shadow:0 0 14px rgb(143 211 255/.7)}
.nav{display:flex;flex-wrap:wrap;gap:1.25rem;margin:0;padding:0;list-style:none}
.site-footer{border-top:1px solid var(--border);color:var(--muted);font-size:.95rem}
.hero{padding-block:clamp(2rem,8vw,6rem) 2rem}
.eyebrow{margin:0;color:var(--accent-2);font-size:.85rem;font-weight:600;letter-spacing:.14em;text-transform:uppercase}
.lede{max-width:40rem;color:var(--muted);font-size:1.2rem}
`

/** The contact form's rules; the same text is in site/src/components/ContactForm.astro. */
export const CONTACT_FORM_CSS = `
.contact-form{display:grid;gap:1.25rem;max-width:40rem}
.field{display:grid;gap:.35rem}
.field label{font-weight:600}
.field__hint{margin:0;color:var(--muted);font-size:.95rem}
.field input,.field select,.field textarea{width:100%;padding:.7rem .85rem;color:var(--text);font:inherit;background:var(--bg-raised);border:1px solid var(--border);border-radius:10px}
.field textarea{min-height:10rem;resize:vertical}
.field input:focus-visible,.field select:focus-visible,.field textarea:focus-visible{border-color:var(--accent)}
.field [aria-invalid="true"]{border-color:var(--danger)}
.field-error{margin:0;color:var(--danger);font-weight:600}
.error-summary{max-width:40rem;margin-bottom:1.5rem;padding:1rem 1.25rem;border:2px solid var(--danger);border-radius:var(--radius);background:rgb(255 155 155/.08)}
.error-summary h2{margin:0 0 .5rem;font-size:1.25rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:var(--danger)}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.button{justify-self:start;padding:.75rem 1.4rem;color:#070a1a;font:inherit;font-weight:700;background:linear-gradient(100deg,var(--accent),var(--accent-2));border:0;border-radius:999px;cursor:pointer}
.button:disabled{opacity:.6;cursor:progress}
.form-status{margin:0;color:var(--muted)}
`

/** Everything a Worker-rendered page needs, for one inline `<style>`. */
export const SITE_CSS = (BASE + CONTACT_FORM_CSS).trim()
