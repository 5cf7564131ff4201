import type { AutomationFlow, FlowNode } from '@kairo/db'
import { layoutFlow, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './flow-layout.ts'

// The automation's flow as a server-rendered SVG (no script, no external assets), drawn with the
// site's colours. `role="img"` with a <title> and a <desc> gives assistive technology one summary of
// the picture; the ordered list beside it names every step and where it leads, for everyone.

const TYPE_LABEL: Record<FlowNode['type'], string> = {
  trigger: 'Trigger',
  condition: 'Condition',
  action: 'Action',
}

// Fill, stroke and caption colour per node type (the caption also says the type in words).
const TYPE_COLOURS: Record<FlowNode['type'], { fill: string; stroke: string; caption: string }> = {
  trigger: { fill: '#16204a', stroke: '#c7a6ff', caption: '#c7a6ff' },
  condition: { fill: '#1b1f3a', stroke: '#ffe08a', caption: '#ffe08a' },
  action: { fill: '#0f1530', stroke: '#8fd3ff', caption: '#8fd3ff' },
}

const LINE_CHARS = 26
const MAX_LINES = 2

/** Splits a label into at most two lines of about 26 characters, with an ellipsis when cut. */
export function wrapLabel(label: string): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word
    if (candidate.length <= LINE_CHARS || current === '') {
      current = candidate
      continue
    }
    lines.push(current)
    current = word
  }
  if (current) lines.push(current)
  if (lines.length <= MAX_LINES && lines.every((l) => l.length <= LINE_CHARS)) return lines
  const kept = lines.slice(0, MAX_LINES)
  const last = kept[kept.length - 1] ?? ''
  kept[kept.length - 1] = `${last.slice(0, LINE_CHARS - 1).trimEnd()}…`
  return kept
}

/** A sentence per step: its type, its label, and where it leads. */
export function describeSteps(flow: AutomationFlow): string[] {
  const labels = new Map(flow.nodes.map((n) => [n.id, n.label]))
  const { nodes } = layoutFlow(flow)
  return nodes.map((node) => {
    const targets = flow.edges
      .filter((e) => e.from === node.id && labels.has(e.to))
      .map((e) => `“${labels.get(e.to)}”`)
    const then = targets.length === 0 ? 'the flow ends here' : `then ${targets.join(' and ')}`
    return `${TYPE_LABEL[node.type]}: ${node.label}; ${then}.`
  })
}

function summary(flow: AutomationFlow): string {
  const steps = describeSteps(flow)
  const count = `${flow.nodes.length} ${flow.nodes.length === 1 ? 'step' : 'steps'}`
  return `${count}. ${steps.join(' ')}`
}

function Node({ node }: { node: PlacedNode }) {
  const colours = TYPE_COLOURS[node.type]
  const lines = wrapLabel(node.label)
  const radius = node.type === 'trigger' ? NODE_HEIGHT / 2 : 12
  const textX = node.x + 16
  const firstLineY = node.y + (lines.length === 1 ? 48 : 40)
  return (
    <g>
      <rect
        x={node.x}
        y={node.y}
        width={NODE_WIDTH}
        height={NODE_HEIGHT}
        rx={Math.min(radius, 24)}
        fill={colours.fill}
        stroke={colours.stroke}
        stroke-width={node.type === 'condition' ? 2 : 1.5}
        stroke-dasharray={node.type === 'condition' ? '6 4' : undefined}
      />
      <text
        x={textX}
        y={node.y + 20}
        fill={colours.caption}
        font-size="11"
        font-weight="600"
        letter-spacing="1.2"
      >
        {TYPE_LABEL[node.type].toUpperCase()}
      </text>
      <text x={textX} y={firstLineY} fill="#e8ecff" font-size="14">
        {lines.map((line, i) => (
          <tspan x={textX} dy={i === 0 ? 0 : 18}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  )
}

/** Props of {@link FlowDiagram}. */
export interface FlowDiagramProps {
  flow: AutomationFlow
  /** The automation's title, for the picture's accessible name. */
  title: string
}

/** The diagram and the list of its steps; a flow without steps says so instead. */
export function FlowDiagram({ flow, title }: FlowDiagramProps) {
  if (flow.nodes.length === 0) return <p class="empty">This automation has no steps yet.</p>
  const layout = layoutFlow(flow)
  return (
    <>
      <div class="flow-wrap">
        <svg
          class="flow"
          role="img"
          aria-labelledby="flow-title flow-desc"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
        >
          <title id="flow-title">{`Flow of “${title}”`}</title>
          <desc id="flow-desc">{summary(flow)}</desc>
          <defs>
            <marker
              id="flow-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M0 0 L10 5 L0 10 z" fill="#aab3d9" />
            </marker>
          </defs>
          {layout.edges.map((edge) => (
            <path
              d={edge.path}
              fill="none"
              stroke="#aab3d9"
              stroke-width="1.5"
              marker-end="url(#flow-arrow)"
            />
          ))}
          {layout.nodes.map((node) => (
            <Node node={node} />
          ))}
        </svg>
      </div>
      <h3 id="steps-heading">Steps</h3>
      <ol class="steps" aria-labelledby="steps-heading">
        {describeSteps(flow).map((step) => (
          <li>{step}</li>
        ))}
      </ol>
    </>
  )
}
