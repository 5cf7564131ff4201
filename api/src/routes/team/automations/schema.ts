import { z } from '@hono/zod-openapi'
import { type AutomationStatus, automationStatus } from '@kairo/db'
import { FLOW_LIMITS, NODE_ID_PATTERN, NODE_TYPES } from '../../../data/flow-rules.ts'

// An automation's fields and flow edits, shared by the team's forms and `/api/v1`. The flow's rules
// that need the whole flow (unique ids, connections between existing steps) are `data/flow-rules.ts`.

export const AUTOMATION_FIELDS = ['title', 'status', 'ownerId', 'description'] as const
export const STEP_FIELDS = ['type', 'label', 'id'] as const
export const CONNECTION_FIELDS = ['from', 'to'] as const

export const AUTOMATION_STATUSES = automationStatus.enumValues as [AutomationStatus, ...AutomationStatus[]]

const text = (value: unknown) => value ?? ''
/** An empty field (or JSON null) means "nobody" / "not given". */
const blankToNull = (value: unknown) => (value === undefined || value === '' ? null : value)
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)

const title = z
  .string({ error: "Enter the automation's title as text" })
  .trim()
  .min(1, "Enter the automation's title")
  .max(120, 'Enter a title of at most 120 characters')
const description = z
  .string({ error: 'Write the description as text' })
  .trim()
  .max(2000, 'Keep the description to 2,000 characters or fewer')
const status = z.enum(AUTOMATION_STATUSES, { error: 'Choose a state: draft, active or paused' })
const ownerId = z.uuid({ error: 'Choose someone from the studio, or nobody' }).nullable()
/** The version a form or call was based on (`version`/`flowVersion` of the automation's GET). */
const version = z.string({ error: 'Send the version as text' }).max(64)

const nodeType = z.enum(NODE_TYPES, { error: 'Choose a type: trigger, action or condition' })
const nodeLabel = z
  .string({ error: "Enter the step's label as text" })
  .trim()
  .min(1, "Enter the step's label")
  .max(FLOW_LIMITS.label, `Enter a label of at most ${FLOW_LIMITS.label} characters`)
const nodeId = z
  .string({ error: "Enter the step's id as text" })
  .trim()
  .min(1, "Enter the step's id")
  .max(FLOW_LIMITS.id, `Enter an id of at most ${FLOW_LIMITS.id} characters`)
  .regex(
    NODE_ID_PATTERN,
    'Use lower-case letters, digits, hyphens and underscores, starting with a letter or digit',
  )

/** A new automation (form and API): the state defaults to draft, the owner to nobody. */
export const automationInput = z.object({
  title: z.preprocess(text, title),
  description: z.preprocess(text, description),
  status: z.preprocess((value) => (value === undefined ? 'draft' : value), status),
  ownerId: z.preprocess(blankToNull, ownerId),
})

/** The edit form: every field, and the version the form was filled from. */
export const automationEditForm = automationInput.extend({ version: z.preprocess(text, version) })

/** A flow as the API sends it: the shape; `checkFlow` sees the rest. */
export const flowInput = z
  .object({
    nodes: z
      .array(
        z.object({
          id: nodeId.openapi({ example: 'notify' }),
          type: nodeType,
          label: nodeLabel.openapi({ example: 'Post to the team channel' }),
        }),
        { error: 'Send the steps as an array' },
      )
      .max(FLOW_LIMITS.nodes, `A flow has at most ${FLOW_LIMITS.nodes} steps`),
    edges: z
      .array(
        z.object({
          from: z.string({ error: 'Name the step it starts from' }).min(1, 'Name the step it starts from'),
          to: z.string({ error: 'Name the step it leads to' }).min(1, 'Name the step it leads to'),
        }),
        { error: 'Send the connections as an array' },
      )
      .max(FLOW_LIMITS.edges, `A flow has at most ${FLOW_LIMITS.edges} connections`),
  })
  .openapi('AutomationFlowInput')

/** `POST /api/v1/companies/{id}/automations`: the fields, and optionally a first flow. */
export const automationCreate = automationInput.extend({ flow: flowInput.optional() })

/** `PATCH /api/v1/automations/{id}`: any of the fields (`ownerId: null` for nobody), optionally checked. */
export const automationPatch = z.object({
  title: title.optional(),
  description: description.optional(),
  status: status.optional(),
  ownerId: ownerId.optional(),
  version: version.optional().openapi({
    description:
      "The automation's `version` this change is based on; a different stored one is 409 stale_version",
  }),
})

/** `PUT /api/v1/automations/{id}/flow`: the whole new flow, optionally checked against `flowVersion`. */
export const flowReplace = flowInput.extend({
  version: version.optional().openapi({
    description:
      "The automation's `flowVersion` this flow is based on; a different stored one is 409 stale_version",
  }),
})

/** The add-a-step form: the id may be left empty (one is made from the label). */
export const stepAddForm = z.object({
  type: nodeType,
  label: z.preprocess(text, nodeLabel),
  id: z.preprocess(blankToUndefined, nodeId.optional()),
  version: z.preprocess(text, version),
})

/** A step's form: its type and label (its id stays). */
export const stepEditForm = z.object({
  type: nodeType,
  label: z.preprocess(text, nodeLabel),
  version: z.preprocess(text, version),
})

/** The add-a-connection form, and a connection's remove button (which sends the same fields). */
export const connectionForm = z.object({
  from: z.preprocess(text, z.string().min(1, 'Choose the step it starts from')),
  to: z.preprocess(text, z.string().min(1, 'Choose the step it leads to')),
  version: z.preprocess(text, version),
})

/** A form that sends nothing but the version (remove a step). */
export const versionForm = z.object({ version: z.preprocess(text, version) })

export type AutomationInput = z.infer<typeof automationInput>
