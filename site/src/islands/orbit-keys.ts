/**
 * The keys that turn and zoom a focused stage with controls, and how far one press goes (Controls.tsx).
 * Its own file because the boot script needs the list too (it keeps these keys from scrolling the
 * page) and must not load three.js to get it.
 */
export const ORBIT_KEYS: Readonly<Record<string, { turn?: number; tilt?: number; zoom?: number }>> = {
  ArrowLeft: { turn: -Math.PI / 12 },
  ArrowRight: { turn: Math.PI / 12 },
  ArrowUp: { tilt: -Math.PI / 18 },
  ArrowDown: { tilt: Math.PI / 18 },
  '+': { zoom: 1 / 1.2 },
  '=': { zoom: 1 / 1.2 },
  '-': { zoom: 1.2 },
}
