import type { AutomationFlow } from '@kairo/db'
import { describe, expect, it } from 'vitest'
import { describeSteps, wrapLabel } from '../src/views/dashboard/flow-diagram.tsx'
import { COLUMN_GAP, layoutFlow, NODE_WIDTH, PADDING } from '../src/views/dashboard/flow-layout.ts'

const columnX = (column: number) => PADDING + column * (NODE_WIDTH + COLUMN_GAP)

describe('layoutFlow', () => {
  it('puts nodes in columns by their depth from the trigger, branches in rows', () => {
    const flow: AutomationFlow = {
      nodes: [
        { id: 'crm', type: 'action', label: 'Add to CRM' },
        { id: 'start', type: 'trigger', label: 'Sign-up' },
        { id: 'check', type: 'condition', label: 'Company domain?' },
        { id: 'slack', type: 'action', label: 'Post to Slack' },
        { id: 'mail', type: 'action', label: 'Send welcome mail' },
      ],
      edges: [
        { from: 'start', to: 'check' },
        { from: 'check', to: 'crm' },
        { from: 'check', to: 'mail' },
        { from: 'crm', to: 'slack' },
      ],
    }
    const layout = layoutFlow(flow)
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, [n.column, n.row]]))
    expect(at).toEqual({ start: [0, 0], check: [1, 0], crm: [2, 0], mail: [2, 1], slack: [3, 0] })
    expect(layout.nodes.find((n) => n.id === 'slack')?.x).toBe(columnX(3))
    expect(layout.columns).toBe(4)
    expect(layout.edges).toHaveLength(4)
    expect(layout.width).toBe(PADDING * 2 + 4 * NODE_WIDTH + 3 * COLUMN_GAP)
  })

  it('draws a cycle without looping forever and keeps unreachable nodes in a last column', () => {
    const flow: AutomationFlow = {
      nodes: [
        { id: 't', type: 'trigger', label: 'Every hour' },
        { id: 'a', type: 'action', label: 'Fetch' },
        { id: 'b', type: 'action', label: 'Retry' },
        { id: 'lost', type: 'action', label: 'Orphan step' },
      ],
      edges: [
        { from: 't', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'a', to: 'missing-node' },
      ],
    }
    const layout = layoutFlow(flow)
    expect(layout.nodes.map((n) => [n.id, n.column])).toEqual([
      ['t', 0],
      ['a', 1],
      ['b', 2],
      ['lost', 3],
    ])
    // The edge to an unknown node is dropped; the back edge b → a is drawn (as a loop below).
    expect(layout.edges.map((e) => `${e.from.id}>${e.to.id}`)).toEqual(['t>a', 'a>b', 'b>a'])
    expect(layout.edges[2]?.path).toMatch(/ S/)
  })

  it('lays out nothing for an empty flow', () => {
    expect(layoutFlow({ nodes: [], edges: [] })).toMatchObject({ nodes: [], width: 0, height: 0 })
  })
})

describe('wrapLabel and describeSteps', () => {
  it('wraps long labels into two lines and cuts the rest with an ellipsis', () => {
    expect(wrapLabel('Post to #mission-leads')).toEqual(['Post to #mission-leads'])
    expect(wrapLabel('Collect site analytics for the rover page')).toEqual([
      'Collect site analytics for',
      'the rover page',
    ])
    const cut = wrapLabel('E-mail the weekly summary to the whole launch team and the board of directors')
    expect(cut).toHaveLength(2)
    expect(cut[1]?.endsWith('…')).toBe(true)
  })

  it('says every step and where it leads', () => {
    const steps = describeSteps({
      nodes: [
        { id: 't', type: 'trigger', label: 'Sign-up' },
        { id: 'c', type: 'condition', label: 'Company domain?' },
        { id: 'a', type: 'action', label: 'Add to CRM' },
        { id: 'b', type: 'action', label: 'Ignore' },
      ],
      edges: [
        { from: 't', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'b' },
      ],
    })
    expect(steps).toEqual([
      'Trigger: Sign-up; then “Company domain?”.',
      'Condition: Company domain?; then “Add to CRM” and “Ignore”.',
      'Action: Add to CRM; the flow ends here.',
      'Action: Ignore; the flow ends here.',
    ])
  })
})
