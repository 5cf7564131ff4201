/**
 * The attributes of every scene's WebGL context, on the page's thread or in a worker: what R3F asks
 * three for (antialias, alpha), but the low-power GPU, since a scene is a page's ornament, never
 * worth waking a laptop's discrete GPU or draining a phone.
 */
export const CONTEXT_ATTRIBUTES = {
  alpha: true,
  antialias: true,
  depth: true,
  stencil: false,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'low-power',
} satisfies WebGLContextAttributes

/**
 * The scene's WebGL 2 context on `canvas` (three.js draws with WebGL 2 only), or null where there is
 * none. The worker makes it on the very canvas the scene then draws into (worker/scene-worker.ts):
 * a throwaway context made only to find out, then given back, cost the GPU process 4 s of tearing
 * down under software rendering, and everything the page drew or the visitor did waited behind it.
 */
export function sceneContext(canvas: HTMLCanvasElement | OffscreenCanvas): WebGL2RenderingContext | null {
  try {
    return canvas.getContext('webgl2', CONTEXT_ATTRIBUTES) as WebGL2RenderingContext | null
  } catch {
    return null
  }
}

/**
 * Whether the page's own thread can draw a scene: a throwaway context, given back at once, as
 * browsers cap live contexts. Only the main-thread fallback asks (page/conditions.ts), after the
 * visitor's first interaction.
 */
export function canDrawWebGL(canvas: HTMLCanvasElement): boolean {
  const gl = sceneContext(canvas)
  gl?.getExtension('WEBGL_lose_context')?.loseContext()
  return gl !== null
}
