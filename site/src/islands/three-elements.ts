/**
 * The three.js classes the scenes' JSX names (`<mesh>`, `<hemisphereLight>`, ...), for R3F's
 * `extend` (worker/scene.tsx registers this module's exports). R3F's <Canvas> registers all of
 * three, which keeps every class in the bundle; the worker registers only these, which lets the
 * bundler leave the rest out (40 KB gzip). A scene that names another element must add its class
 * here: the worker then fails and the page falls back to drawing on the main thread, which the
 * browser tests see.
 */
export {
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  SphereGeometry,
  TorusGeometry,
} from 'three'
