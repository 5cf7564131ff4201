import type { TaskConfig } from 'payload'

import { processModel } from './process-model.ts'

export const PROCESS_MODEL_TASK = 'processModel'

/**
 * The background job that builds a model: queued by the `models` collection on create and whenever
 * the source file changes. The pipeline's own failures end as `status: failed` on the document (a
 * succeeded job); only an unexpected error (e.g. the database gone) fails the job and is retried once.
 * `attempt` counts the jobs for one upload that a dead server abandoned (reclaim.ts); 1 when absent.
 */
export const processModelTask: TaskConfig<{
  input: { model: number; attempt?: number }
  output: { status: string }
}> = {
  slug: PROCESS_MODEL_TASK,
  label: 'Process a 3D model',
  retries: 1,
  inputSchema: [
    { name: 'model', type: 'number', required: true },
    { name: 'attempt', type: 'number' },
  ],
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  handler: async ({ input, req }) => ({ output: { status: await processModel(req.payload, input.model) } }),
}
