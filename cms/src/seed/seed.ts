import type { Payload } from 'payload'

import { caseStudies } from './case-studies.ts'

export const DEMO_EDITOR = { email: 'editor@kairo.studio', password: 'kairo-editor-demo' } as const

/**
 * Creates the demo editor when no user exists and the demo case studies (published) when none
 * exist. Logs what it did or skipped; returns the counts it created.
 */
export async function seed(payload: Payload): Promise<{ users: number; caseStudies: number }> {
  const created = { users: 0, caseStudies: 0 }

  const users = await payload.count({ collection: 'users' })
  if (users.totalDocs === 0) {
    await payload.create({
      collection: 'users',
      data: { ...DEMO_EDITOR, name: 'Kairo Editor', role: 'admin' },
    })
    created.users = 1
    payload.logger.info(`seed: created user ${DEMO_EDITOR.email}`)
  } else {
    payload.logger.info(`seed: ${users.totalDocs} user(s) exist, no user created`)
  }

  const existing = await payload.count({ collection: 'case-studies' })
  if (existing.totalDocs === 0) {
    for (const study of caseStudies) {
      await payload.create({ collection: 'case-studies', data: { ...study, _status: 'published' } })
    }
    created.caseStudies = caseStudies.length
    payload.logger.info(`seed: created ${caseStudies.length} published case studies`)
  } else {
    payload.logger.info(`seed: ${existing.totalDocs} case stud(ies) exist, none created`)
  }

  return created
}
