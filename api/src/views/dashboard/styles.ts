// The dashboard's own rules, appended to the site's CSS (`SITE_CSS`) by `DashboardLayout`. They use
// the site's tokens (colours, radius, focus ring) so the dashboard reads as part of the site.

export const DASHBOARD_CSS = `
.field select{width:100%;padding:.7rem .85rem;color:var(--text);font:inherit;background:var(--bg-raised);border:1px solid var(--border);border-radius:10px}
.field select:focus-visible{border-color:var(--accent)}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.dash-nav{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem}
.dash-nav a{color:var(--muted);text-decoration:none;padding-block:.2rem;border-bottom:2px solid transparent}
.dash-nav a:hover{color:var(--text)}
.dash-nav a[aria-current="page"]{color:var(--text);border-bottom-color:var(--accent)}
.dash-nav__team{padding-left:1.25rem;border-left:1px solid var(--border)}
.dash-user{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;color:var(--muted);font-size:.95rem}
.dash-user form{margin:0}
.link-button{padding:0;color:var(--accent);font:inherit;text-decoration:underline;text-underline-offset:.2em;background:none;border:0;cursor:pointer}
.link-button:hover{color:var(--text)}
.dash-h1{font-size:clamp(1.8rem,4.5vw,2.6rem)}
.dash-section{margin-block:2rem}
.dash-section>h2{font-size:1.4rem;margin-top:0}
.flash{max-width:48rem;margin:0 0 1.5rem;padding:.9rem 1.2rem;border:2px solid var(--accent);border-radius:var(--radius);background:rgb(143 211 255/.08)}
.flash--error{border-color:var(--danger);background:rgb(255 155 155/.08)}
.table-wrap{overflow-x:auto}
.data-table{width:100%;border-collapse:collapse;font-size:.98rem}
.data-table caption{text-align:left;color:var(--muted);padding-bottom:.5rem}
.data-table th,.data-table td{padding:.6rem .75rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--border)}
.data-table thead th{color:var(--muted);font-weight:600;font-size:.9rem}
.data-table th .muted{font-weight:400}
.data-table td.num,.data-table th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:.1rem .6rem;border:1px solid var(--border);border-radius:999px;font-size:.88rem;white-space:nowrap}
.badge::before{content:"";display:inline-block;width:.55rem;height:.55rem;margin-right:.4rem;border-radius:50%;background:var(--muted)}
.badge--good::before{background:#7ee2a8}
.badge--active::before{background:var(--accent)}
.badge--warn::before{background:var(--focus)}
.badge--bad::before{background:var(--danger)}
.muted{color:var(--muted)}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;margin:0}
.meta dt{color:var(--muted)}
.meta dd{margin:0}
.checklist{list-style:none;margin:0;padding:0}
.checklist li{padding:.5rem 0;border-bottom:1px solid var(--border)}
.activity{list-style:none;margin:0;padding:0}
.activity li{padding:.55rem 0;border-bottom:1px solid var(--border)}
.activity time{color:var(--muted);font-size:.9rem;margin-right:.6rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.actions form{margin:0}
a.button{display:inline-block;text-decoration:none}
a.button:not(.button--quiet):hover{color:#070a1a}
.button--quiet{color:var(--text);background:var(--bg-raised);border:1px solid var(--border)}
.button--quiet:hover{color:var(--text);border-color:var(--accent)}
.flow{display:block;max-width:100%;height:auto;margin-block:1rem;background:var(--bg-raised);border:1px solid var(--border);border-radius:var(--radius)}
.flow-wrap{overflow-x:auto}
.empty{color:var(--muted);font-style:italic}
.copyable{user-select:all;overflow-wrap:anywhere}
.steps{margin:0;padding-left:1.5rem}
.steps li{padding:.3rem 0}
.payload{margin:0;padding:.75rem 1rem;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg-raised);border:1px solid var(--border);border-radius:10px}
.choices{display:grid;gap:.45rem;margin:0;padding:0;border:0}.choices legend{padding:0;margin-bottom:.35rem;font-weight:600}.choices label{display:flex;align-items:center;gap:.55rem}.choices input{width:1.15rem;height:1.15rem;margin:0;accent-color:var(--accent)}
.qr{display:block;width:200px;height:200px;margin-block:.5rem;background:#fff;border-radius:8px}.recovery-codes{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.4rem 1.5rem;max-width:36rem;padding-left:1.75rem;font-size:1.05rem}.passkey-box{margin-top:2rem}.passkey-message:empty{display:none}
.model-preview{margin:0 0 1rem}.model-preview__stage{position:relative;max-width:720px}.model-preview img{display:block;max-width:100%;height:auto;border-radius:var(--radius)}.model-preview__frame{position:absolute;inset:0;width:100%;height:100%;border:0;border-radius:var(--radius)}
.charts{display:grid;gap:1.5rem;margin-block:1rem}
.chart{display:block;max-width:100%;height:auto;background:var(--bg-raised);border:1px solid var(--border);border-radius:var(--radius)}
.chart-figure>h3{font-size:1.1rem;margin:0 0 .5rem}
.chart-key{display:flex;flex-wrap:wrap;gap:.4rem 1.25rem;list-style:none;margin:.5rem 0 0;padding:0;color:var(--muted);font-size:.92rem}
.chart-key svg{vertical-align:middle;margin-right:.4rem}
.chart-note{margin:.5rem 0 0;color:var(--muted);font-size:.92rem}
.chart-figures{margin-block:1rem 2rem}
.chart-figures summary{cursor:pointer;color:var(--accent)}
.run-totals{margin-block:.5rem 1rem}
.flow-editor{list-style:none;margin:0 0 1.5rem;padding:0}
.flow-editor>li{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.75rem;padding:.75rem 0;border-bottom:1px solid var(--border)}
.flow-editor>li>.error-summary{flex-basis:100%}
.step-form{flex:1 1 34rem;margin:0}
.step-form fieldset{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.75rem;margin:0;padding:0;border:0}
.step-form legend{font-weight:600;padding:0;margin-bottom:.5rem}
.step-form .field{flex:1 1 12rem;margin:0}
.connections li{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.connections form{margin:0}
`
