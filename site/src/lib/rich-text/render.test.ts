import { describe, expect, it } from 'vitest'
import { renderLexical } from './render.ts'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })
const link = (url: string, label: string, newTab = false) => ({
  type: 'link',
  fields: { url, newTab, linkType: 'custom' },
  children: [text(label)],
})

describe('renderLexical', () => {
  it('escapes text so markup in content is shown, not run', () => {
    const html = renderLexical(doc(paragraph(text('<script>alert("x")</script> & \'q\''))))
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>')
  })

  it('applies bold, italic, underline and code format bits', () => {
    expect(renderLexical(doc(paragraph(text('a', 1), text('b', 2), text('c', 8), text('d', 16))))).toBe(
      '<p><strong>a</strong><em>b</em><u>c</u><code>d</code></p>',
    )
    expect(renderLexical(doc(paragraph(text('x', 1 | 2))))).toBe('<p><strong><em>x</em></strong></p>')
  })

  it('keeps headings between h2 and h4 so the page keeps its single h1', () => {
    const heading = (tag: string) => ({ type: 'heading', tag, children: [text(tag)] })
    expect(renderLexical(doc(heading('h1'), heading('h3'), heading('h6')))).toBe(
      '<h2>h1</h2><h3>h3</h3><h4>h6</h4>',
    )
  })

  it('renders bullet and numbered lists, nested', () => {
    const item = (...children: unknown[]) => ({ type: 'listitem', children })
    const nested = { type: 'list', listType: 'number', tag: 'ol', start: 1, children: [item(text('b'))] }
    const list = { type: 'list', listType: 'bullet', tag: 'ul', children: [item(text('a')), item(nested)] }
    expect(renderLexical(doc(list))).toBe('<ul><li>a</li><li><ol><li>b</li></ol></li></ul>')
  })

  it('renders quotes and line breaks', () => {
    const quote = { type: 'quote', children: [text('one'), { type: 'linebreak' }, text('two')] }
    expect(renderLexical(doc(quote))).toBe('<blockquote>one<br>two</blockquote>')
  })

  it('keeps safe links and opens new-tab links without leaking the opener', () => {
    expect(renderLexical(doc(paragraph(link('https://kairo.studio/?a=1&b=2', 'site'))))).toBe(
      '<p><a href="https://kairo.studio/?a=1&amp;b=2">site</a></p>',
    )
    expect(renderLexical(doc(paragraph(link('/work/orbit/', 'orbit', true))))).toBe(
      '<p><a href="/work/orbit/" target="_blank" rel="noopener noreferrer">orbit</a></p>',
    )
    expect(renderLexical(doc(paragraph(link('mailto:hi@kairo.studio', 'mail'))))).toContain(
      'href="mailto:hi@kairo.studio"',
    )
  })

  it('neutralises javascript: and other schemes, however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
    ]) {
      const html = renderLexical(doc(paragraph(link(url, 'click'))))
      expect(html).toBe('<p><span>click</span></p>')
    }
    const auto = { type: 'autolink', fields: { url: 'vbscript:x' }, children: [text('v')] }
    expect(renderLexical(doc(paragraph(auto)))).not.toContain('href')
  })

  it('quotes attribute values so a URL cannot break out of href', () => {
    const html = renderLexical(doc(paragraph(link('https://x.example/"onmouseover="alert(1)', 'x'))))
    expect(html).toBe('<p><a href="https://x.example/&quot;onmouseover=&quot;alert(1)">x</a></p>')
  })

  it('renders the text of unknown nodes and nothing for non-documents', () => {
    expect(
      renderLexical(doc({ type: 'block', fields: { html: '<b>raw</b>' }, children: [text('kept')] })),
    ).toBe('kept')
    expect(renderLexical(null)).toBe('')
    expect(renderLexical({ root: 'nope' })).toBe('')
  })
})
