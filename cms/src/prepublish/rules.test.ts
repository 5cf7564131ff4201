import { describe, expect, it } from 'vitest'

import { altProblem, type LexicalNode, richTextProblems, vagueLinkText } from './rules.ts'

const heading = (tag: string, text: string): LexicalNode => ({
  type: 'heading',
  tag,
  children: [{ type: 'text', text }],
})
const link = (text: string): LexicalNode => ({ type: 'link', children: [{ type: 'text', text }] })
const root = (...children: LexicalNode[]): LexicalNode => ({ type: 'root', children })

describe('altProblem', () => {
  it('accepts alt text that says what the image shows', () => {
    expect(altProblem('A satellite dish at dusk, pointing east')).toBeUndefined()
    expect(altProblem('Team at the launch')).toBeUndefined()
  })

  it('flags alt text that says nothing: empty, generic, a camera or file name, the file name itself', () => {
    expect(altProblem('')).toBe('has no alt text')
    for (const alt of ['image', 'Photo 3', 'hero', 'IMG_0042', 'DSC01234', 'launch-night.jpg', 'x'])
      expect(altProblem(alt), alt).toMatch(/does not say what it shows/)
    expect(altProblem('launch-night', 'launch-night.png')).toMatch(/does not say/)
  })
})

describe('richTextProblems', () => {
  it('finds a heading 1 and a skipped level, counting from the page title', () => {
    expect(
      richTextProblems(root(heading('h2', 'Brief'), heading('h3', 'Goals'), heading('h2', 'Result'))),
    ).toEqual([])
    const problems = richTextProblems(
      root(heading('h1', 'Title again'), heading('h2', 'Brief'), heading('h4', 'Deep')),
    )
    expect(problems).toEqual([
      expect.stringMatching(/^Heading “Title again” is a heading 1/),
      expect.stringMatching(
        /^Heading “Deep” is a heading 4 after a heading 2: a level is skipped, use heading 3/,
      ),
    ])
    expect(richTextProblems(root(heading('h3', 'Starts low')))).toEqual([
      expect.stringMatching(/heading 3 after a heading 1/),
    ])
  })

  it('finds links whose text says nothing, wherever they sit', () => {
    const paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', text: 'For the full story ' }, link('click here')],
    }
    expect(
      richTextProblems(root(paragraph, { type: 'paragraph', children: [link('the launch case study')] })),
    ).toEqual(['The link “click here” does not say where it goes: name the page instead.'])
  })

  it('knows vague link texts with their punctuation', () => {
    expect(vagueLinkText('Read more…')).toBe(true)
    expect(vagueLinkText('Here.')).toBe(true)
    expect(vagueLinkText('Read the Orbital Labs story')).toBe(false)
  })
})
