import { describe, expect, it } from 'vitest'
import { send } from './team-support.ts'

// The team's JSON endpoints are described in the API's OpenAPI document, from the same zod schemas
// that validate them.

describe('GET /api/v1/openapi.json (team endpoints)', () => {
  it('describes every team operation with its parameters and error responses', async () => {
    const response = await send('/api/v1/openapi.json', { wantJson: true })
    expect(response.status).toBe(200)
    const doc = (await response.json()) as {
      servers: Array<{ url: string }>
      paths: Record<
        string,
        Record<string, { parameters?: Array<{ name: string }>; responses: Record<string, unknown> }>
      >
    }
    // The paths are relative to the API's base, which the document names.
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /leads',
        'GET /leads/{id}',
        'PATCH /leads/{id}',
        'POST /leads/{id}/notes',
        'POST /leads/{id}/conversion',
        'GET /analytics',
        'GET /companies',
        'GET /companies/{id}',
        'POST /companies',
        'PATCH /companies/{id}',
        'POST /companies/{id}/projects',
        'PATCH /projects/{id}',
        'POST /projects/{id}/milestones',
        'POST /projects/{id}/milestones/{milestoneId}/move',
        'PATCH /projects/{id}/milestones/{milestoneId}',
        'GET /users',
        'PATCH /users/{id}',
        'GET /invitations',
        'POST /invitations',
        'DELETE /invitations/{id}',
      ]),
    )
    expect(doc.paths['/leads']?.get?.parameters?.map((p) => p.name).sort()).toEqual(['page', 'q', 'status'])
    expect(doc.paths['/users']?.get?.parameters?.map((p) => p.name).sort()).toEqual(['page', 'q'])
    expect(doc.paths['/analytics']?.get?.parameters?.map((p) => p.name)).toEqual(['weeks'])
    expect(Object.keys(doc.paths['/leads/{id}/conversion']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '401', '404', '409', '422']),
    )
    // The project writes name both ids and give the one error shape's answers.
    const move = doc.paths['/projects/{id}/milestones/{milestoneId}/move']?.post
    expect(move?.parameters?.map((p) => p.name).sort()).toEqual(['id', 'milestoneId'])
    for (const [path, method] of [
      ['/companies/{id}', 'patch'],
      ['/companies/{id}/projects', 'post'],
      ['/projects/{id}', 'patch'],
      ['/projects/{id}/milestones', 'post'],
      ['/projects/{id}/milestones/{milestoneId}', 'patch'],
    ] as const) {
      const responses = Object.keys(doc.paths[path]?.[method]?.responses ?? {})
      expect(responses, `${method} ${path}`).toEqual(expect.arrayContaining(['401', '404', '422']))
    }
    expect(Object.keys(doc.paths['/invitations/{id}']?.delete?.responses ?? {}).sort()).toEqual([
      '200',
      '401',
      '403',
      '404',
      '409',
      '422',
    ])
  })
})
