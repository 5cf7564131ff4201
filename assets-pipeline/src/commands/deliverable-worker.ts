import { pipelineApi } from '../deliverable-worker/api-client.ts'
import { WorkerConfigError, workerConfigFromEnv } from '../deliverable-worker/config.ts'
import { runWorkerLoop } from '../deliverable-worker/loop.ts'

const NAME = 'kairo-assets'

/**
 * `deliverable-worker`: processes the dashboard's 3D deliverables until SIGTERM or SIGINT (the job
 * in progress finishes first; a second signal exits at once, leaving the job to its lease). Exit
 * code 2 when PIPELINE_API_URL or PIPELINE_TOKEN is missing or malformed.
 */
export async function runDeliverableWorker(): Promise<number> {
  let config: ReturnType<typeof workerConfigFromEnv>
  try {
    config = workerConfigFromEnv(process.env)
  } catch (error) {
    if (!(error instanceof WorkerConfigError)) throw error
    console.error(`${NAME}: deliverable-worker: ${error.message} (see .env.example)`)
    return 2
  }
  const log = (message: string) => console.log(`deliverable-worker: ${message}`)
  const controller = new AbortController()
  const stop = () => {
    if (controller.signal.aborted) process.exit(1)
    log('stopping after the current job (again to stop now)')
    controller.abort()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  log(`waiting for 3D deliverables from ${config.apiUrl}`)
  await runWorkerLoop({ api: pipelineApi(config), signal: controller.signal, log })
  log('stopped')
  return 0
}
