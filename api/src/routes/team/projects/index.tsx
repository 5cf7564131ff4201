import { findCompany } from '../../../data/companies.ts'
import { addMilestone, moveMilestone, setMilestoneDone } from '../../../data/milestones.ts'
import { createProject, type ProjectFields, updateProject } from '../../../data/project-edits.ts'
import { getProject } from '../../../data/projects.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { type Parsed, parseWith, readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash } from '../../../views/dashboard/flash.ts'
import { EditProjectPage, NewProjectPage } from '../../../views/dashboard/project-form-page.tsx'
import { auditFor, scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { renderProject } from '../../dashboard/projects.tsx'
import { staffPage, staffWriteLimit } from '../limits.ts'
import { milestoneInput, projectInput, toFields } from './schema.ts'

// The studio's project work: a new project from a company's page, editing one, and its milestones
// (add, move up/down, done/reopen) from the project page, which clients see read-only. Every post is
// same-origin, limited, audited in its transaction, and answers 303 with a message, or the form with
// its messages and input (422).

/** A project form's post, parsed; the form sends every field, so blanks are meant (no date, no text). */
function parseProjectForm(form: Record<string, string>): Parsed<ProjectFields> {
  const input = parseWith(projectInput, form)
  return input.ok ? { ok: true, data: toFields(input.data) } : input
}

const MILESTONE_MESSAGES = {
  up: { moved: 'moved up', unmoved: 'is already first' },
  down: { moved: 'moved down', unmoved: 'is already last' },
} as const

export const projectPages = createRouter()
  .get('/dashboard/companies/:id/projects/new', staffPage, async (c) => {
    const company = await findCompany(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!company) return sendNotFound(c)
    return c.html(<NewProjectPage c={c} company={company} />)
  })
  .post('/dashboard/companies/:id/projects', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const companyId = c.req.param('id')
    const form = await readForm(c)
    const input = parseProjectForm(form)
    const result = input.ok
      ? await createProject(c.var.db().db, scopeFor(c), companyId, input.data, auditFor(c))
      : { ok: false as const, reason: 'invalid' as const, fields: input.fields }
    if (result.ok) {
      setFlash(c, { tone: 'success', message: `${result.project.name} was created.` })
      return c.redirect(`/dashboard/projects/${result.project.id}`, 303)
    }
    const company = await findCompany(c.var.db().db, scopeFor(c), companyId)
    if (!company || result.reason === 'not_found') return sendNotFound(c)
    return c.html(<NewProjectPage c={c} company={company} values={form} errors={result.fields} />, 422)
  })
  .get('/dashboard/projects/:id/edit', staffPage, async (c) => {
    const project = await getProject(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!project) return sendNotFound(c)
    return c.html(<EditProjectPage c={c} project={project} />)
  })
  .post('/dashboard/projects/:id', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseProjectForm(form)
    const result = input.ok
      ? await updateProject(c.var.db().db, scopeFor(c), id, input.data, auditFor(c))
      : { ok: false as const, reason: 'invalid' as const, fields: input.fields }
    if (result.ok) {
      const changed = result.changed.length > 0
      setFlash(c, {
        tone: changed ? 'success' : 'info',
        message: changed ? `${result.project.name} was saved.` : 'Nothing was changed.',
      })
      return c.redirect(`/dashboard/projects/${id}`, 303)
    }
    if (result.reason === 'not_found') return sendNotFound(c)
    const project = await getProject(c.var.db().db, scopeFor(c), id)
    if (!project) return sendNotFound(c)
    return c.html(<EditProjectPage c={c} project={project} values={form} errors={result.fields} />, 422)
  })
  .post('/dashboard/projects/:id/milestones', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseWith(milestoneInput, form)
    if (!input.ok) return renderProject(c, id, { form: 'milestone', errors: input.fields, values: form })
    const result = await addMilestone(c.var.db().db, scopeFor(c), id, input.data, auditFor(c))
    if (!result.ok) return sendNotFound(c)
    setFlash(c, { tone: 'success', message: `Milestone “${result.milestone.title}” added.` })
    return c.redirect(`/dashboard/projects/${id}#milestones-heading`, 303)
  })
  .post(
    '/dashboard/projects/:id/milestones/:milestoneId/:action{up|down|done|reopen}',
    sameOrigin(),
    staffPage,
    staffWriteLimit,
    async (c) => {
      const { id, milestoneId, action } = c.req.param()
      const db = c.var.db().db
      let message: { tone: 'success' | 'info'; message: string }
      if (action === 'up' || action === 'down') {
        const result = await moveMilestone(db, scopeFor(c), id, milestoneId, action, auditFor(c))
        if (!result.ok) return sendNotFound(c)
        const words = MILESTONE_MESSAGES[action]
        message = {
          tone: result.moved ? 'success' : 'info',
          message: `“${result.title}” ${result.moved ? words.moved : words.unmoved}.`,
        }
      } else {
        const done = action === 'done'
        const result = await setMilestoneDone(db, scopeFor(c), id, milestoneId, done, auditFor(c))
        if (!result.ok) return sendNotFound(c)
        const title = result.milestone.title
        message = result.changed
          ? { tone: 'success', message: done ? `“${title}” is done.` : `“${title}” was reopened.` }
          : { tone: 'info', message: done ? `“${title}” was already done.` : `“${title}” was already open.` }
      }
      setFlash(c, message)
      return c.redirect(`/dashboard/projects/${id}#milestones-heading`, 303)
    },
  )
