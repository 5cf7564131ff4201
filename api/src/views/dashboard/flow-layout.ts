import type { AutomationFlow, FlowNode } from '@kairo/db'

// Lays an automation's flow out for the SVG diagram: each node goes in the column of its depth (the
// fewest edges from a trigger, breadth first), rows in the order nodes were reached. Cycles and
// edges pointing back are drawn, not followed twice; nodes no trigger reaches get a last column so
// nothing stored is hidden.

export const NODE_WIDTH = 220
export const NODE_HEIGHT = 72
export const COLUMN_GAP = 72
export const ROW_GAP = 28
export const PADDING = 24

export interface PlacedNode extends FlowNode {
  column: number
  row: number
  x: number
  y: number
}

export interface PlacedEdge {
  from: PlacedNode
  to: PlacedNode
  /** The SVG path from the source's right side to the target's left side. */
  path: string
}

export interface FlowLayout {
  nodes: PlacedNode[]
  edges: PlacedEdge[]
  columns: number
  width: number
  height: number
}

/** Depth of each reachable node by breadth-first search from the starting nodes. */
function depths(flow: AutomationFlow): Map<string, number> {
  const ids = new Set(flow.nodes.map((n) => n.id))
  const next = new Map<string, string[]>()
  const incoming = new Set<string>()
  for (const edge of flow.edges) {
    if (!ids.has(edge.from) || !ids.has(edge.to)) continue
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to])
    incoming.add(edge.to)
  }
  // Triggers start a flow; without one, the nodes nothing points at; without those (a pure cycle), the first.
  let starts = flow.nodes.filter((n) => n.type === 'trigger')
  if (starts.length === 0) starts = flow.nodes.filter((n) => !incoming.has(n.id))
  if (starts.length === 0) starts = flow.nodes.slice(0, 1)
  const depth = new Map<string, number>(starts.map((n) => [n.id, 0]))
  const queue = starts.map((n) => n.id)
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string
    for (const target of next.get(id) ?? []) {
      if (depth.has(target)) continue
      depth.set(target, (depth.get(id) ?? 0) + 1)
      queue.push(target)
    }
  }
  return depth
}

/** Positions for every node and a path for every edge between known nodes. */
export function layoutFlow(flow: AutomationFlow): FlowLayout {
  const depth = depths(flow)
  const reachedColumns = depth.size === 0 ? 0 : Math.max(...depth.values()) + 1
  const unreachedColumn = reachedColumns
  const rowsUsed: number[] = []
  // Breadth-first order within a column reads like the flow; the map's insertion order is that order.
  const order = [...depth.keys(), ...flow.nodes.map((n) => n.id).filter((id) => !depth.has(id))]
  const byId = new Map(flow.nodes.map((n) => [n.id, n]))
  const placed = new Map<string, PlacedNode>()
  for (const id of order) {
    const node = byId.get(id)
    if (!node || placed.has(id)) continue
    const column = depth.get(id) ?? unreachedColumn
    const row = rowsUsed[column] ?? 0
    rowsUsed[column] = row + 1
    placed.set(id, {
      ...node,
      column,
      row,
      x: PADDING + column * (NODE_WIDTH + COLUMN_GAP),
      y: PADDING + row * (NODE_HEIGHT + ROW_GAP),
    })
  }
  const nodes = [...placed.values()]
  const columns = rowsUsed.length
  const rows = Math.max(0, ...rowsUsed)
  const edges: PlacedEdge[] = []
  for (const edge of flow.edges) {
    const from = placed.get(edge.from)
    const to = placed.get(edge.to)
    if (from && to) edges.push({ from, to, path: edgePath(from, to) })
  }
  return {
    nodes,
    edges,
    columns,
    width: columns === 0 ? 0 : PADDING * 2 + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP,
    height: rows === 0 ? 0 : PADDING * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP,
  }
}

/**
 * A curve from the right middle of `from` to the left middle of `to`. An edge going back (to the same
 * or an earlier column) loops under the nodes so it does not cross them.
 */
function edgePath(from: PlacedNode, to: PlacedNode): string {
  const x1 = from.x + NODE_WIDTH
  const y1 = from.y + NODE_HEIGHT / 2
  // Stop short of the box so the arrowhead's tip touches it.
  const x2 = to.x - 2
  const y2 = to.y + NODE_HEIGHT / 2
  if (to.column > from.column) {
    const bend = Math.max(24, (x2 - x1) / 2)
    return `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`
  }
  const below = Math.max(from.y, to.y) + NODE_HEIGHT + ROW_GAP / 2
  return `M${x1} ${y1} C${x1 + 48} ${y1} ${x1 + 48} ${below} ${(x1 + x2) / 2} ${below} S${x2 - 48} ${y2} ${x2} ${y2}`
}
