import type { AutomationFlow } from '@kairo/db'
import { describe, expect, it } from 'vitest'
import { applyFlowChange, checkFlow, FLOW_LIMITS, nodeIdFrom, sameFlow } from './flow-rules.ts'

const flow: AutomationFlow = {
  nodes: [
    { id: 'start', type: 'trigger', label: 'Start' },
    { id: 'check', type: 'condition', label: 'Check' },
    { id: 'act', type: 'action', label: 'Act' },
  ],
  edges: [
    { from: 'start', to: 'check' },
    { from: 'check', to: 'act' },
  ],
}

describe('nodeIdFrom', () => {
  it('makes a readable id from the label, numbered when taken, and one for a label without letters', () => {
    expect(nodeIdFrom('Post to #Slack!', new Set())).toBe('post-to-slack')
    expect(nodeIdFrom('Café crème', new Set())).toBe('cafe-creme')
    expect(nodeIdFrom('Post to Slack', new Set(['post-to-slack', 'post-to-slack-2']))).toBe('post-to-slack-3')
    expect(nodeIdFrom('→ ✓', new Set())).toBe('step')
    expect(nodeIdFrom('x'.repeat(80), new Set()).length).toBeLessThanOrEqual(FLOW_LIMITS.id)
  })
})

describe('applyFlowChange', () => {
  it('removes a step with every connection that touches it', () => {
    const result = applyFlowChange(flow, { kind: 'step_removed', node: 'check' })
    expect(result).toMatchObject({ ok: true, connectionsRemoved: 2, flow: { edges: [] } })
    expect(flow.edges).toHaveLength(2)
  })

  it('says what is missing rather than inventing it', () => {
    expect(applyFlowChange(flow, { kind: 'step_removed', node: 'ghost' })).toEqual({
      ok: false,
      reason: 'missing',
    })
    expect(applyFlowChange(flow, { kind: 'connection_removed', from: 'act', to: 'start' })).toEqual({
      ok: false,
      reason: 'missing',
    })
  })

  it('stops at the limits with a message for the whole form', () => {
    const full: AutomationFlow = {
      nodes: Array.from({ length: FLOW_LIMITS.nodes }, (_, i) => ({
        id: `s${i}`,
        type: 'action',
        label: `S${i}`,
      })),
      edges: [],
    }
    const result = applyFlowChange(full, { kind: 'step_added', type: 'action', label: 'One more' })
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      fields: { form: 'A flow has at most 50 steps; remove one first' },
    })
  })

  it('reports an unchanged step and an unchanged replacement as no change', () => {
    expect(
      applyFlowChange(flow, { kind: 'step_changed', node: 'act', type: 'action', label: 'Act' }),
    ).toMatchObject({
      ok: true,
      changed: false,
    })
    // jsonb gives the keys back in its own order; the flow is still the same one.
    const reordered = {
      nodes: flow.nodes.map(({ label, type, id }) => ({ label, type, id })),
      edges: flow.edges.map(({ to, from }) => ({ to, from })),
    }
    expect(sameFlow(reordered, flow)).toBe(true)
    expect(applyFlowChange(flow, { kind: 'replaced', flow: reordered })).toMatchObject({
      ok: true,
      changed: false,
    })
  })
})

describe('checkFlow', () => {
  it('passes a good flow and an empty one', () => {
    expect(checkFlow(flow)).toBeNull()
    expect(checkFlow({ nodes: [], edges: [] })).toBeNull()
  })

  it('names the first problem of each step and connection by its path', () => {
    expect(
      checkFlow({
        nodes: [...flow.nodes, { id: 'act', type: 'action', label: 'Twin' }],
        edges: [...flow.edges, { from: 'act', to: 'act' }, { from: 'nowhere', to: 'check' }],
      }),
    ).toEqual({
      'nodes.3.id': 'Another step already has the id “act”',
      'edges.2.to': 'A step cannot lead to itself',
      'edges.3.from': 'No step has the id “nowhere”',
    })
  })
})
