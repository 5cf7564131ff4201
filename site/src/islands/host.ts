import { createContext, useContext } from 'react'

/**
 * What a scene knows of the page around it, and what it may tell the page. A scene runs either on
 * the main thread (main-thread.tsx: the page is right there) or in a worker (worker/scene-worker.tsx:
 * the boot script forwards the page's events and acts on the scene's messages); the scenes
 * themselves never touch the DOM, so they run unchanged in both.
 */
export interface StageHost {
  /**
   * Where the visitor's input over the stage arrives: pointer, wheel and key events, and `focusin`
   * when the stage takes focus. On the main thread the stage element itself; in a worker a stand-in
   * that the boot script feeds (worker/proxy-element.ts). OrbitControls listen here.
   */
  input: HTMLElement
  /** The stage's state for styles and tests: `ready` after a model's first frame, `lost` with its context. */
  setState(state: 'ready' | 'lost'): void
  /** Gives up on the 3D: the poster stays (`data-island-off`: why). */
  turnOff(reason: string): void
  /** Follows a link (a planet): a navigation of the page, never of the worker. */
  navigate(href: string): void
  /** The pointer's cursor over the stage. */
  setCursor(cursor: string): void
}

/** What the page tells a scene as it changes. */
export interface StageSignals {
  /** The stage is near the viewport and the page is shown: frames are drawn only then. */
  visible: boolean
  /** The visitor points at or focuses the stage: fetch finer levels ahead of need. */
  intent: boolean
  /** The home page's orbit: the planet whose link in the page has focus or the pointer (or none). */
  highlighted: number | null
  /**
   * The visitor is scrolling, tapping or typing elsewhere on the page, or did so a moment ago: the
   * idle motion draws no frames then, so the page's own frames come first (spin.ts).
   */
  busy: boolean
}

export const INITIAL_SIGNALS: StageSignals = { visible: true, intent: false, highlighted: null, busy: false }

export const HostContext = createContext<StageHost | null>(null)
export const SignalsContext = createContext<StageSignals>(INITIAL_SIGNALS)

export function useHost(): StageHost {
  const host = useContext(HostContext)
  if (!host) throw new Error('a scene must render inside a stage')
  return host
}

export const useSignals = (): StageSignals => useContext(SignalsContext)
export const useIntent = (): boolean => useSignals().intent
