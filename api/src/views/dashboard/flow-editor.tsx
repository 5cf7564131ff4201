import type { AutomationFlow, FlowNode } from '@kairo/db'
import { FLOW_LIMITS } from '../../data/flow-rules.ts'
import { CONNECTION_FIELDS, STEP_FIELDS } from '../../routes/team/automations/schema.ts'
import { ErrorSummary } from '../kit/error-summary.tsx'
import { SelectField, TextField } from '../kit/field.tsx'
import { layoutFlow } from './flow-layout.ts'

// The studio's editor of an automation's flow, under its diagram on the automation's page. Every
// change is its own small POST form (works without script, one Tab stop per control): change or
// remove a step, add a step, remove or add a connection. Each form carries the flow's version, so a
// change made on a page opened before someone else's is refused and the page shows the current flow.

/** The editor's forms, as the routes name a failed one. */
export type FlowForm = 'add-step' | 'edit-step' | 'remove-step' | 'add-connection' | 'remove-connection'

/** A flow form that was refused: which (and which step), why per field, and what was typed. */
export interface FlowFailure {
  form: FlowForm
  /** The step an edit-step form was about. */
  node?: string
  errors: Record<string, string>
  values: Record<string, string>
}

export const TYPE_OPTIONS: ReadonlyArray<{ value: FlowNode['type']; label: string }> = [
  { value: 'trigger', label: 'Trigger (starts the flow)' },
  { value: 'action', label: 'Action' },
  { value: 'condition', label: 'Condition (a branch)' },
]

/** Where the editor's forms post. */
export function flowHref(automationId: string, ...rest: string[]): string {
  return ['/dashboard/automations', automationId, 'flow', ...rest.map(encodeURIComponent)].join('/')
}

const Version = ({ value }: { value: string }) => <input type="hidden" name="version" value={value} />

/** A step as choices and buttons name it: its label and, to tell equal labels apart, its id. */
const stepName = (node: FlowNode) => `${node.label} (${node.id})`

/** A step's type and label, in the form that changes a step and in the one that adds one. */
function StepFields({
  form,
  values,
  errors,
  labelHint,
}: {
  form: string
  values: Record<string, string>
  errors: Record<string, string>
  labelHint?: string
}) {
  return (
    <>
      <SelectField
        form={form}
        name="type"
        label="Type"
        value={values.type}
        options={TYPE_OPTIONS}
        error={errors.type}
        required
      />
      <TextField
        form={form}
        name="label"
        label="Label"
        hint={labelHint}
        value={values.label}
        autocomplete="off"
        maxlength={FLOW_LIMITS.label}
        error={errors.label}
      />
    </>
  )
}

function StepForm({
  automationId,
  node,
  index,
  version,
  failed,
}: {
  automationId: string
  node: FlowNode
  index: number
  version: string
  failed?: FlowFailure
}) {
  const mine = failed?.form === 'edit-step' && failed.node === node.id ? failed : undefined
  const errors = mine?.errors ?? {}
  const values = mine?.values ?? { type: node.type, label: node.label }
  const prefix = `step-${index}`
  return (
    <li>
      <ErrorSummary form={prefix} errors={errors} order={['type', 'label']} />
      <form method="post" action={flowHref(automationId, 'steps', node.id)} class="step-form">
        <fieldset>
          <legend>
            “{node.label}” <span class="muted">(id {node.id})</span>
          </legend>
          <Version value={version} />
          <StepFields form={prefix} values={values} errors={errors} />
          <button class="button" type="submit">
            Save step<span class="visually-hidden">: {node.label}</span>
          </button>
        </fieldset>
      </form>
      <form method="post" action={flowHref(automationId, 'steps', node.id, 'remove')} class="actions">
        <Version value={version} />
        <button class="button button--quiet" type="submit">
          Remove step<span class="visually-hidden">: {node.label}</span>
        </button>
      </form>
    </li>
  )
}

function AddStepForm({
  automationId,
  flow,
  version,
  failed,
}: {
  automationId: string
  flow: AutomationFlow
  version: string
  failed?: FlowFailure
}) {
  const mine = failed?.form === 'add-step' ? failed : undefined
  const errors = mine?.errors ?? {}
  // A flow starts with its trigger; after that most steps are actions.
  const values = mine?.values ?? { type: flow.nodes.some((n) => n.type === 'trigger') ? 'action' : 'trigger' }
  return (
    <>
      <h3 id="add-step">Add a step</h3>
      <ErrorSummary form="step" errors={errors} order={STEP_FIELDS} />
      {flow.nodes.length >= FLOW_LIMITS.nodes ? (
        <p>This flow has the most steps a flow can have ({FLOW_LIMITS.nodes}); remove one to add another.</p>
      ) : (
        <form class="contact-form" method="post" action={flowHref(automationId, 'steps')}>
          <Version value={version} />
          <StepFields
            form="step"
            values={values}
            errors={errors}
            labelHint="What the step does, as the client reads it: “Post to #mission-leads”."
          />
          <TextField
            form="step"
            name="id"
            label="Id (optional)"
            hint="How the API and the engine name the step: lower-case letters, digits, - and _. Left empty, one is made from the label."
            value={values.id}
            autocomplete="off"
            maxlength={FLOW_LIMITS.id}
            required={false}
            error={errors.id}
          />
          <button class="button" type="submit">
            Add step
          </button>
        </form>
      )}
    </>
  )
}

function Connections({
  automationId,
  flow,
  version,
}: {
  automationId: string
  flow: AutomationFlow
  version: string
}) {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]))
  const name = (id: string) => `“${byId.get(id)?.label ?? id}”`
  return (
    <>
      <h3 id="connections">Connections</h3>
      {flow.edges.length === 0 ? (
        <p class="empty">No connections yet.</p>
      ) : (
        <ul class="checklist connections">
          {flow.edges.map((edge) => (
            <li>
              <span>
                {name(edge.from)} <span aria-hidden="true">→</span>
                <span class="visually-hidden">leads to</span> {name(edge.to)}
              </span>
              <form method="post" action={flowHref(automationId, 'connections', 'remove')}>
                <Version value={version} />
                <input type="hidden" name="from" value={edge.from} />
                <input type="hidden" name="to" value={edge.to} />
                <button class="button button--quiet" type="submit">
                  Remove connection
                  <span class="visually-hidden">
                    : from {name(edge.from)} to {name(edge.to)}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function AddConnectionForm({
  automationId,
  nodes,
  version,
  failed,
  full,
}: {
  automationId: string
  nodes: FlowNode[]
  version: string
  failed?: FlowFailure
  full: boolean
}) {
  const mine = failed?.form === 'add-connection' ? failed : undefined
  const errors = mine?.errors ?? {}
  const values = mine?.values ?? {}
  const options = nodes.map((node) => ({ value: node.id, label: stepName(node) }))
  return (
    <>
      <h3 id="add-connection">Add a connection</h3>
      <ErrorSummary form="connection" errors={errors} order={CONNECTION_FIELDS} />
      {nodes.length < 2 ? (
        <p>Add at least two steps to connect them.</p>
      ) : full ? (
        <p>
          This flow has the most connections a flow can have ({FLOW_LIMITS.edges}); remove one to add another.
        </p>
      ) : (
        <form class="contact-form" method="post" action={flowHref(automationId, 'connections')}>
          <Version value={version} />
          {(['from', 'to'] as const).map((end) => (
            <SelectField
              form="connection"
              name={end}
              label={end === 'from' ? 'From the step' : 'Leads to the step'}
              value={values[end]}
              options={options}
              placeholder="Choose a step"
              error={errors[end]}
              required
            />
          ))}
          <button class="button" type="submit">
            Add connection
          </button>
        </form>
      )}
    </>
  )
}

/** Props of {@link FlowEditor}. */
export interface FlowEditorProps {
  automationId: string
  flow: AutomationFlow
  /** The flow's version, sent back by every form. */
  version: string
  failed?: FlowFailure
}

/** The "Edit the flow" section: the steps' forms, adding a step, the connections, adding one. */
export function FlowEditor({ automationId, flow, version, failed }: FlowEditorProps) {
  // The steps in the order the diagram and its list read them.
  const ordered = layoutFlow(flow).nodes
  // A refused remove button has no fields to show its message by, nor has a step form whose step is
  // gone (removed by someone else): their message goes at the top of the editor.
  const elsewhere =
    failed?.form === 'remove-step' ||
    failed?.form === 'remove-connection' ||
    (failed?.form === 'edit-step' && !ordered.some((node) => node.id === failed.node))
      ? failed
      : undefined
  return (
    <section class="dash-section" aria-labelledby="edit-flow-heading">
      <h2 id="edit-flow-heading">Edit the flow</h2>
      <p>
        Each change is saved on its own and the diagram above shows it at once. At most {FLOW_LIMITS.nodes}{' '}
        steps and {FLOW_LIMITS.edges} connections.
      </p>
      <ErrorSummary form="flow" errors={elsewhere?.errors ?? {}} order={[]} />
      {ordered.length > 0 && (
        <>
          <h3 id="edit-steps">Change or remove a step</h3>
          <ol class="flow-editor">
            {ordered.map((node, index) => (
              <StepForm
                automationId={automationId}
                node={node}
                index={index}
                version={version}
                failed={failed}
              />
            ))}
          </ol>
        </>
      )}
      <AddStepForm automationId={automationId} flow={flow} version={version} failed={failed} />
      <Connections automationId={automationId} flow={flow} version={version} />
      <AddConnectionForm
        automationId={automationId}
        nodes={ordered}
        version={version}
        failed={failed}
        full={flow.edges.length >= FLOW_LIMITS.edges}
      />
    </section>
  )
}
