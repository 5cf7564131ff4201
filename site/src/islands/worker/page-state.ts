import { INITIAL_SIGNALS, type StageSignals } from '../host.ts'
import type { StageSize } from './messages.ts'

/**
 * What the page last told the worker about the stage (its signals and size), as a store React reads
 * with `useSyncExternalStore`: each message replaces a value and wakes the scene.
 */
export function pageState(size: StageSize) {
  let signals = INITIAL_SIGNALS
  let current = size
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    signals: () => signals,
    size: () => current,
    setSignals(value: StageSignals) {
      signals = value
      notify()
    },
    setSize(value: StageSize) {
      current = value
      notify()
    },
  }
}

export type PageState = ReturnType<typeof pageState>
