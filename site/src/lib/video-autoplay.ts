/** What the visitor's browser says about their wishes, read by the Video block's script. */
export interface AutoplayContext {
  /** `matchMedia('(prefers-reduced-motion: reduce)').matches` */
  reducedMotion: boolean
  /** `navigator.connection?.saveData` (undefined where the browser does not say) */
  saveData: boolean | undefined
}

/**
 * Whether a video marked "plays by itself" may start unasked: never for a visitor who asks for
 * less motion, nor on a connection that asks to save data (a reel is megabytes). The page then
 * plays it only while it is in view, muted and looping, with its controls kept.
 */
export function mayPlayByItself({ reducedMotion, saveData }: AutoplayContext): boolean {
  return !reducedMotion && saveData !== true
}
