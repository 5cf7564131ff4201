import type { StageSignals } from '../host.ts'
import type { SceneName, SceneProps } from '../scene-props.ts'

/**
 * The messages between the page's boot script (page/worker-bridge.ts) and a scene's worker
 * (scene-worker.tsx). Types only: neither side ships the other's code.
 */

/** A pointer, wheel or key event as the worker sees it: plain fields, coordinates relative to the stage. */
export interface ForwardedEvent {
  type: string
  /** Relative to the stage's box, in CSS pixels (also given as client and page coordinates). */
  offsetX: number
  offsetY: number
  pointerId: number
  pointerType: string
  button: number
  buttons: number
  deltaX: number
  deltaY: number
  deltaMode: number
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export interface StageSize {
  width: number
  height: number
  /** Device pixels per CSS pixel for the drawing buffer (already capped). */
  dpr: number
}

export type PageMessage =
  | ({ type: 'init'; canvas: OffscreenCanvas; scene: SceneName; props: SceneProps } & StageSize)
  | ({ type: 'resize' } & StageSize)
  | { type: 'signals'; signals: StageSignals }
  | { type: 'input'; event: ForwardedEvent }

export type WorkerMessage =
  | { type: 'state'; state: 'ready' | 'lost' }
  | { type: 'off'; reason: string }
  | { type: 'navigate'; href: string }
  | { type: 'cursor'; cursor: string }
  /** The scene could not start here (no WebGL in a worker, say): the page falls back to its own thread. */
  | { type: 'failed'; reason: string }
