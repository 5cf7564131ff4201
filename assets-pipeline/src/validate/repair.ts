import { writeGlb } from './glb.ts'
import type { SourceFiles } from './source.ts'

interface NodeJson {
  children?: unknown
}
interface SceneJson {
  nodes?: unknown
}

const indexes = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((item): item is number => Number.isInteger(item)) : []

/**
 * Structural faults that the Khronos validator refuses but every viewer shows, and that have a safe
 * repair, fixed in the model's JSON before the checks and the validator see it; each repair is
 * described for the report. Today one: a scene that lists a node which is another node's child
 * (`SCENE_NON_ROOT_NODE`) lists that node's root ancestor instead (once), so the whole hierarchy
 * and its transforms are kept. A node loop is left alone (the validator refuses it), and nothing that
 * touches safety (sizes, URIs, buffers) is ever repaired: the checks refuse those.
 */
export function repairStructure(source: SourceFiles): { source: SourceFiles; repairs: string[] } {
  const nodes = Array.isArray(source.json.nodes) ? (source.json.nodes as NodeJson[]) : []
  const scenes = Array.isArray(source.json.scenes) ? (source.json.scenes as SceneJson[]) : []
  const parent = new Map<number, number>()
  for (const [index, node] of nodes.entries()) {
    for (const child of indexes(node?.children)) if (!parent.has(child)) parent.set(child, index)
  }
  // Each node's topmost ancestor (null inside a loop), found once per node: a hostile file's deep
  // chains and long scene lists cost linear time, not quadratic.
  const roots = new Map<number, number | null>()
  const rootOf = (index: number): number | null => {
    const path: number[] = []
    const onPath = new Set<number>()
    let current = index
    let root: number | null | undefined
    for (;;) {
      if (roots.has(current)) {
        root = roots.get(current)
        break
      }
      if (onPath.has(current)) {
        root = null
        break
      }
      path.push(current)
      onPath.add(current)
      const up = parent.get(current)
      if (up === undefined) {
        root = current
        break
      }
      current = up
    }
    for (const node of path) roots.set(node, root ?? null)
    return root ?? null
  }
  const repairs: string[] = []
  const repairedScenes = scenes.map((scene, sceneIndex) => {
    if (!Array.isArray(scene?.nodes)) return scene
    const before = repairs.length
    const listed: number[] = []
    const seen = new Set<number>()
    for (const index of indexes(scene.nodes)) {
      const root = rootOf(index) ?? index
      if (root !== index) {
        repairs.push(
          `scene ${sceneIndex} listed node ${index} as a root, though it is a child of node ${parent.get(index)}; its root node ${root} is listed instead`,
        )
      }
      if (!seen.has(root)) listed.push(root)
      seen.add(root)
    }
    // A scene with nothing to repair stays exactly as written, faults and all, for the validator.
    return repairs.length === before ? scene : { ...scene, nodes: listed }
  })
  if (repairs.length === 0) return { source, repairs }
  const json = { ...source.json, scenes: repairedScenes }
  const bytes =
    source.format === 'glb' ? writeGlb(json, source.bin) : new TextEncoder().encode(JSON.stringify(json))
  return { source: { ...source, json, bytes }, repairs }
}
