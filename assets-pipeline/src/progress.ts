import type { Step } from './build-model.ts'

export interface Progress {
  step(model: string, step: Step, detail?: string): void
  finish(): void
}

const LABEL: Record<string, string> = {
  read: 'reading',
  cache: 'restoring from cache',
  validate: 'validating',
  clean: 'cleaning geometry',
  poster: 'rendering poster',
  write: 'writing manifest',
  done: 'done',
  failed: 'FAILED',
}

function label(step: Step, detail?: string): string {
  const text = LABEL[step] ?? (step.startsWith('lod') ? `building ${step.toUpperCase()}` : step)
  return detail ? `${text}: ${detail}` : text
}

/**
 * Shows each model's current step. On a terminal, one line per model redrawn in place; otherwise
 * (CI logs, pipes) one plain line per step change.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { step() {}, finish() {} }
  if (!stream.isTTY) {
    return {
      step: (model, step, detail) => stream.write(`${model}: ${label(step, detail)}\n`),
      finish() {},
    }
  }
  const lines = new Map<string, string>()
  let drawn = 0
  const draw = () => {
    if (drawn > 0) stream.write(`\x1b[${drawn}A`)
    const width = stream.columns ?? 100
    for (const [model, text] of lines)
      stream.write(`\x1b[2K${`${model.padEnd(18)} ${text}`.slice(0, width - 1)}\n`)
    drawn = lines.size
  }
  return {
    step(model, step, detail) {
      lines.set(model, label(step, detail))
      draw()
    },
    finish() {},
  }
}
