/**
 * Whether `canvas` gives a WebGL context (WebGL 2, else 1): a throwaway one, given back at once, as
 * browsers cap live contexts. The page asks on its own canvas (page/conditions.ts), the scene's
 * worker on an OffscreenCanvas (worker/scene-worker.ts).
 */
export function canDrawWebGL(canvas: HTMLCanvasElement | OffscreenCanvas): boolean {
  try {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null
    gl?.getExtension('WEBGL_lose_context')?.loseContext()
    return gl !== null
  } catch {
    return false
  }
}
