import { describe, expect, it } from 'vitest'
import { blocksText, htmlText, lexicalText } from './plain-text.ts'

describe('plain text for the search index', () => {
  it('drops tags, joins inline formatting, separates blocks, decodes entities', () => {
    expect(
      htmlText(
        '<h2>Brief</h2><p>An <em>orb</em>it &amp; a &lt;moon&gt; &#8212; &#x263A;</p><ul><li>one</li><li>two</li></ul>',
      ),
    ).toBe('Brief An orbit & a <moon> — ☺ one two')
  })

  it('reads Lexical text nodes, with line breaks as spaces', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Title' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'one' },
              { type: 'linebreak' },
              { type: 'link', children: [{ type: 'text', text: 'two' }] },
              { type: 'text', text: 's' },
            ],
          },
        ],
      },
    }
    expect(lexicalText(value)).toBe('Title one twos')
    expect(lexicalText('not rich text')).toBe('')
  })

  it("takes blocks' visible text fields and no ids, URLs or types", () => {
    const text = blocksText([
      {
        blockType: 'cta',
        heading: 'Talk to us',
        text: 'Soon',
        links: [{ link: { label: 'Contact', url: '/contact' } }],
      },
      { blockType: 'gallery', images: [{ image: 3, caption: 'Dome' }] },
      { blockType: 'serviceList', heading: 'Services', services: [1, 2] },
    ])
    expect(text).toBe('Talk to us Soon Contact Dome Services')
  })
})
