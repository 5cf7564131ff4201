// The child side of `buildModelInChild` (build-in-child.ts): builds the one model it is sent and
// exits. Whatever the model makes the pipeline do (allocate, loop, crash a decoder), it does so in
// this process, which the parent can stop, and never in the server that spawned it.
import { buildModels } from '../build.ts'
import { unexpectedFailure } from '../build-types.ts'
import { startPosterRenderer } from '../poster/render.ts'
import { reasonOf } from '../validate/model-error.ts'
import { modelName } from '../validate/source.ts'
import type { ChildMessage, ChildRequest } from './messages.ts'

const send = (message: ChildMessage) =>
  new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()))

process.once('message', async (request: ChildRequest) => {
  const started = Date.now()
  try {
    const { results } = await buildModels([request.file], {
      outDir: request.outDir,
      cacheDir: request.cacheDir,
      options: request.options,
      posterRenderer: request.posters ? () => startPosterRenderer() : null,
      onStep: () => void send({ type: 'step' }),
    })
    const [result] = results
    if (result) await send({ type: 'done', result })
  } catch (error) {
    // The pipeline reports a model's own faults as a failed result; this is anything else (worded as
    // buildModel words it, so `isProcessingFault` knows it for a fault on this side).
    const result = { file: request.file, name: modelName(request.file), keys: [], ms: Date.now() - started }
    await send({
      type: 'done',
      result: { ...result, status: 'failed', error: unexpectedFailure(reasonOf(error)) },
    })
  }
  process.disconnect()
})
