import type { Field, UIField } from 'payload'

const FIELD_WARNINGS = '/admin/FieldWarnings.tsx#FieldWarnings'
/** The fields whose content the checks read (src/prepublish/check-document.ts). */
const CHECKED_FIELDS = new Set(['body', 'layout', 'heroImage', 'icon', 'model', 'hero'])

/** The sidebar's list of every pre-publish warning (src/admin/PrepublishSummary.tsx). */
export const prepublishSummaryField: UIField = {
  name: 'prepublishSummary',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '/admin/PrepublishSummary.tsx#PrepublishSummary' } },
}

/**
 * Shows each checked field's pre-publish warnings under its input, and adds the sidebar's summary:
 * what the editor should look at before publishing, beside the field concerned.
 */
export function withPrepublishWarnings(fields: Field[]): Field[] {
  return [prepublishSummaryField, ...fields.map((field) => warnBeside(field, CHECKED_FIELDS))]
}

/** A group's own fields carry the warnings (the page hero's `image`). */
const GROUP_FIELDS = new Set(['image'])

function warnBeside(field: Field, names: ReadonlySet<string>): Field {
  if (!('name' in field) || !names.has(field.name) || field.type === 'ui') return field
  if (field.type === 'group')
    return { ...field, fields: field.fields.map((inner) => warnBeside(inner, GROUP_FIELDS)) }
  const admin = (field.admin ?? {}) as { components?: { afterInput?: unknown[] } }
  return {
    ...field,
    admin: {
      ...admin,
      components: {
        ...admin.components,
        afterInput: [...(admin.components?.afterInput ?? []), FIELD_WARNINGS],
      },
    },
  } as Field
}
