import type { AutomationFlow, FlowEdge, FlowNode } from '@kairo/db'

// The rules of an automation's flow (`app.automations.flow`, jsonb) and the edits the studio makes
// to it, as pure functions shared by the team's forms and `/api/v1`. The database keeps whatever
// jsonb it is given, so these are the only guard: every write goes through them.

/** Limits on a flow: enough for any real workflow, small enough that the diagram stays readable. */
export const FLOW_LIMITS = { nodes: 50, edges: 100, label: 80, id: 40 } as const

/** A step's id: lower-case letters, digits, hyphens and underscores, led by a letter or digit. */
export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/

export const NODE_TYPES = ['trigger', 'action', 'condition'] as const satisfies readonly FlowNode['type'][]

/** One edit of a flow, as the team's forms make them; `replace` is the API's whole new flow. */
export type FlowChange =
  | { kind: 'step_added'; id?: string; type: FlowNode['type']; label: string }
  | { kind: 'step_changed'; node: string; type: FlowNode['type']; label: string }
  | { kind: 'step_removed'; node: string }
  | { kind: 'connection_added'; from: string; to: string }
  | { kind: 'connection_removed'; from: string; to: string }
  | { kind: 'replaced'; flow: AutomationFlow }

/** What an applied change did, for the audit entry and the page's message. */
export interface AppliedChange {
  flow: AutomationFlow
  /** False when the flow came out as it was (a step saved without a change). */
  changed: boolean
  /** The step the change is about (added, changed or removed). */
  node?: FlowNode
  /** How many connections went with a removed step. */
  connectionsRemoved?: number
}

/**
 * The result of {@link applyFlowChange}: the new flow, one message per field at fault (the form's
 * field names for a step or connection edit; `nodes.2.id`-style paths for a replaced flow; `form`
 * for what belongs to no field), or `missing` when the step or connection named does not exist.
 */
export type FlowChangeResult =
  | ({ ok: true } & AppliedChange)
  | { ok: false; reason: 'invalid'; fields: Record<string, string> }
  | { ok: false; reason: 'missing' }

const quoted = (node: FlowNode) => `“${node.label}”`

/**
 * A new step's id from its label: its words in lower-case ASCII joined by hyphens (`Post to Slack`
 * → `post-to-slack`), cut to fit, with `-2`, `-3`… when taken; `step` when no letter is left.
 */
export function nodeIdFrom(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      // The accents NFKD split off (é → e + ́), so `Café` becomes `cafe`, not `cafe-`.
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, FLOW_LIMITS.id - 4)
      .replace(/-+$/, '') || 'step'
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** Why a step may not be made a trigger, or may not receive a connection: triggers start a flow. */
const INTO_TRIGGER = 'A trigger starts the flow: no step can lead to it'

/**
 * Checks a whole flow (the API's replacement): unique ids, connections between existing steps, none
 * to itself, none twice, none into a trigger, within {@link FLOW_LIMITS}. The shape (types, lengths,
 * id pattern) is the schema's job; this is what a schema cannot see. Messages are keyed by path.
 */
export function checkFlow(flow: AutomationFlow): Record<string, string> | null {
  const fields: Record<string, string> = {}
  const ids = new Map<string, FlowNode>()
  flow.nodes.forEach((node, i) => {
    if (ids.has(node.id)) fields[`nodes.${i}.id`] ??= `Another step already has the id “${node.id}”`
    else ids.set(node.id, node)
  })
  const seen = new Set<string>()
  flow.edges.forEach((edge, i) => {
    const from = ids.get(edge.from)
    const to = ids.get(edge.to)
    if (!from) fields[`edges.${i}.from`] ??= `No step has the id “${edge.from}”`
    if (!to) fields[`edges.${i}.to`] ??= `No step has the id “${edge.to}”`
    if (!from || !to) return
    const key = JSON.stringify([edge.from, edge.to])
    if (edge.from === edge.to) fields[`edges.${i}.to`] ??= 'A step cannot lead to itself'
    else if (seen.has(key)) fields[`edges.${i}.to`] ??= 'These steps are already connected'
    else if (to.type === 'trigger') fields[`edges.${i}.to`] ??= INTO_TRIGGER
    seen.add(key)
  })
  if (flow.nodes.length > FLOW_LIMITS.nodes) fields.nodes ??= `A flow has at most ${FLOW_LIMITS.nodes} steps`
  if (flow.edges.length > FLOW_LIMITS.edges)
    fields.edges ??= `A flow has at most ${FLOW_LIMITS.edges} connections`
  return Object.keys(fields).length > 0 ? fields : null
}

const sameEdge = (edge: FlowEdge, from: string, to: string) => edge.from === from && edge.to === to

/** Whether two flows are the same steps and connections in the same order (key order aside: jsonb sorts keys). */
export function sameFlow(a: AutomationFlow, b: AutomationFlow): boolean {
  const text = (flow: AutomationFlow) =>
    JSON.stringify([flow.nodes.map((n) => [n.id, n.type, n.label]), flow.edges.map((e) => [e.from, e.to])])
  return text(a) === text(b)
}

/**
 * Applies one change to a flow, or says why not. Nothing is mutated: the flow returned is new. A
 * removed step takes its connections with it, so the flow never points at a step that is gone.
 */
export function applyFlowChange(flow: AutomationFlow, change: FlowChange): FlowChangeResult {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]))
  switch (change.kind) {
    case 'replaced': {
      const fields = checkFlow(change.flow)
      if (fields) return { ok: false, reason: 'invalid', fields }
      return { ok: true, flow: change.flow, changed: !sameFlow(change.flow, flow) }
    }
    case 'step_added': {
      if (flow.nodes.length >= FLOW_LIMITS.nodes) {
        return invalid({ form: `A flow has at most ${FLOW_LIMITS.nodes} steps; remove one first` })
      }
      if (change.id !== undefined && byId.has(change.id)) {
        return invalid({
          id: `Another step already has the id “${change.id}”; choose another, or leave it empty`,
        })
      }
      const node: FlowNode = {
        id: change.id ?? nodeIdFrom(change.label, new Set(byId.keys())),
        type: change.type,
        label: change.label,
      }
      return { ok: true, flow: { nodes: [...flow.nodes, node], edges: flow.edges }, changed: true, node }
    }
    case 'step_changed': {
      const current = byId.get(change.node)
      if (!current) return { ok: false, reason: 'missing' }
      if (
        change.type === 'trigger' &&
        current.type !== 'trigger' &&
        flow.edges.some((e) => e.to === current.id)
      ) {
        return invalid({
          type: `${INTO_TRIGGER}; remove the connections into ${quoted(current)} first`,
        })
      }
      const node: FlowNode = { id: current.id, type: change.type, label: change.label }
      const changed = node.type !== current.type || node.label !== current.label
      const nodes = flow.nodes.map((n) => (n.id === current.id ? node : n))
      return { ok: true, flow: { nodes, edges: flow.edges }, changed, node }
    }
    case 'step_removed': {
      const node = byId.get(change.node)
      if (!node) return { ok: false, reason: 'missing' }
      const edges = flow.edges.filter((e) => e.from !== node.id && e.to !== node.id)
      return {
        ok: true,
        flow: { nodes: flow.nodes.filter((n) => n.id !== node.id), edges },
        changed: true,
        node,
        connectionsRemoved: flow.edges.length - edges.length,
      }
    }
    case 'connection_added': {
      const fields: Record<string, string> = {}
      const from = byId.get(change.from)
      const to = byId.get(change.to)
      if (!from) fields.from = 'Choose the step it starts from'
      if (!to) fields.to = 'Choose the step it leads to'
      else if (change.from === change.to) fields.to = 'A step cannot lead to itself; choose another step'
      else if (flow.edges.some((e) => sameEdge(e, change.from, change.to)))
        fields.to = `${from ? quoted(from) : 'That step'} already leads to ${quoted(to)}`
      else if (to.type === 'trigger') fields.to = `${INTO_TRIGGER}; choose another step`
      if (Object.keys(fields).length > 0) return invalid(fields)
      if (flow.edges.length >= FLOW_LIMITS.edges) {
        return invalid({ form: `A flow has at most ${FLOW_LIMITS.edges} connections; remove one first` })
      }
      return {
        ok: true,
        flow: { nodes: flow.nodes, edges: [...flow.edges, { from: change.from, to: change.to }] },
        changed: true,
      }
    }
    case 'connection_removed': {
      if (!flow.edges.some((e) => sameEdge(e, change.from, change.to)))
        return { ok: false, reason: 'missing' }
      const edges = flow.edges.filter((e) => !sameEdge(e, change.from, change.to))
      return { ok: true, flow: { nodes: flow.nodes, edges }, changed: true }
    }
  }
}

function invalid(fields: Record<string, string>): FlowChangeResult {
  return { ok: false, reason: 'invalid', fields }
}
