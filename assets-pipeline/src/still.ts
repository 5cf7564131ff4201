import type { Document, Mesh, Node, Primitive, Transform } from '@gltf-transform/core'

/**
 * Makes a document a still of the model as it looks before any animation plays: the morph targets'
 * default weights are baked into the base geometry and the targets dropped, skinned meshes are
 * posed on the CPU at their joints' rest transforms (then the skin, its inverse bind matrices and
 * the bare joint nodes go), and the animations are removed. For the first-frame level, where an
 * animated model's keyframes, skeleton and morph targets can outweigh its geometry and textures
 * several times over (the Fox: 30 KB of keyframes and 8 KB of skeleton beside 6 KB of mesh and
 * texture), and a poster-sized first frame does not move anyway.
 */
export function still(): Transform {
  return (doc: Document) => {
    const root = doc.getRoot()
    for (const mesh of root.listMeshes()) bakeMorphTargets(mesh, defaultWeights(doc, mesh))
    for (const node of root.listNodes()) bakeSkin(doc, node)
    for (const animation of root.listAnimations()) {
      // Children first: a disposed animation leaves its samplers holding their keyframe accessors,
      // which `prune` would then keep.
      for (const channel of animation.listChannels()) channel.dispose()
      for (const sampler of animation.listSamplers()) sampler.dispose()
      animation.dispose()
    }
  }
}

/**
 * The weights a viewer starts from: the node's own when exactly one node shows the mesh and sets
 * them (glTF lets a node override its mesh's), else the mesh's; missing entries are 0.
 */
function defaultWeights(doc: Document, mesh: Mesh): number[] {
  const nodes = doc
    .getRoot()
    .listNodes()
    .filter((node) => node.getMesh() === mesh)
  const nodeWeights = nodes.length === 1 ? nodes[0]?.getWeights() : undefined
  return nodeWeights && nodeWeights.length > 0 ? nodeWeights : mesh.getWeights()
}

function bakeMorphTargets(mesh: Mesh, weights: number[]): void {
  for (const primitive of mesh.listPrimitives()) {
    for (const [index, target] of primitive.listTargets().entries()) {
      const weight = weights[index] ?? 0
      if (weight !== 0) {
        for (const semantic of target.listSemantics()) {
          const base = primitive.getAttribute(semantic)
          const delta = target.getAttribute(semantic)
          if (!base || !delta) continue
          // Copy before writing: the base accessor may be shared with another primitive.
          const baked = base.clone()
          const a: number[] = []
          const d: number[] = []
          for (let i = 0; i < baked.getCount(); i++) {
            baked.getElement(i, a)
            delta.getElement(i, d)
            baked.setElement(
              i,
              a.map((value, k) => value + weight * (d[k] ?? 0)),
            )
          }
          primitive.setAttribute(semantic, baked)
        }
      }
      primitive.removeTarget(target)
      target.dispose()
    }
  }
  mesh.setWeights([])
}

type Mat4 = number[]

/** Column-major 4×4 product `a × b` (glTF's matrix layout). */
function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Array<number>(16).fill(0)
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0
      for (let k = 0; k < 4; k++) sum += (a[k * 4 + row] ?? 0) * (b[col * 4 + k] ?? 0)
      out[col * 4 + row] = sum
    }
  }
  return out
}

/** `m × [x, y, z, w]`, first three components. */
function apply(m: Mat4, v: number[], w: number): number[] {
  const [x = 0, y = 0, z = 0] = v
  return [0, 1, 2].map(
    (row) => (m[row] ?? 0) * x + (m[4 + row] ?? 0) * y + (m[8 + row] ?? 0) * z + (m[12 + row] ?? 0) * w,
  )
}

const IDENTITY: Mat4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]

/**
 * Poses a skinned node's mesh at rest, as glTF defines it: each vertex moved by the weighted sum of
 * `jointWorld × inverseBind` over its joints (the node's own transform does not apply to a skinned
 * mesh, so the posed mesh moves to the scene root with an identity transform). Skipped for a mesh
 * that another node also shows, which would otherwise be posed twice.
 */
function bakeSkin(doc: Document, node: Node): void {
  const skin = node.getSkin()
  const mesh = node.getMesh()
  if (!skin || !mesh) return
  const users = doc
    .getRoot()
    .listNodes()
    .filter((other) => other.getMesh() === mesh)
  if (users.length > 1) return
  const inverseBind = skin.getInverseBindMatrices()
  const jointMatrices = skin
    .listJoints()
    .map((joint, j) =>
      multiply(joint.getWorldMatrix(), inverseBind ? inverseBind.getElement(j, []) : IDENTITY),
    )
  for (const primitive of mesh.listPrimitives()) posePrimitive(primitive, jointMatrices)
  const parent = node.getParentNode()
  if (parent) {
    const scenes = doc
      .getRoot()
      .listScenes()
      .filter((scene) => {
        let found = false
        scene.traverse((n) => {
          if (n === node) found = true
        })
        return found
      })
    parent.removeChild(node)
    for (const scene of scenes) scene.addChild(node)
  }
  node.setTranslation([0, 0, 0]).setRotation([0, 0, 0, 1]).setScale([1, 1, 1]).setSkin(null)
  if (
    !doc
      .getRoot()
      .listNodes()
      .some((other) => other.getSkin() === skin)
  )
    skin.dispose()
}

function posePrimitive(primitive: Primitive, jointMatrices: Mat4[]): void {
  const sets = primitive.listSemantics().filter((semantic) => semantic.startsWith('JOINTS_'))
  const influences = sets.map((joints) => ({
    joints: primitive.getAttribute(joints),
    weights: primitive.getAttribute(joints.replace('JOINTS_', 'WEIGHTS_')),
  }))
  const targets = (['POSITION', 'NORMAL', 'TANGENT'] as const)
    .map((semantic) => ({ semantic, accessor: primitive.getAttribute(semantic)?.clone() }))
    .filter((t) => t.accessor !== undefined)
  const count = primitive.getAttribute('POSITION')?.getCount() ?? 0
  const j: number[] = []
  const w: number[] = []
  const v: number[] = []
  for (let i = 0; i < count; i++) {
    const matrix = new Array<number>(16).fill(0)
    for (const { joints, weights } of influences) {
      joints?.getElement(i, j)
      weights?.getElement(i, w)
      for (let k = 0; k < j.length; k++) {
        const weight = w[k] ?? 0
        const joint = jointMatrices[j[k] ?? 0]
        if (weight === 0 || !joint) continue
        for (let e = 0; e < 16; e++) matrix[e] = (matrix[e] ?? 0) + weight * (joint[e] ?? 0)
      }
    }
    for (const { semantic, accessor } of targets) {
      accessor?.getElement(i, v)
      if (semantic === 'POSITION') {
        accessor?.setElement(i, apply(matrix, v, 1))
        continue
      }
      // Directions: rotated, not moved, and re-normalised (a tangent keeps its handedness in w).
      const turned = apply(matrix, v, 0)
      const length = Math.hypot(...turned) || 1
      const unit = turned.map((c) => c / length)
      accessor?.setElement(i, semantic === 'TANGENT' ? [...unit, v[3] ?? 1] : unit)
    }
  }
  for (const { semantic, accessor } of targets) if (accessor) primitive.setAttribute(semantic, accessor)
  for (const semantic of primitive.listSemantics()) {
    if (semantic.startsWith('JOINTS_') || semantic.startsWith('WEIGHTS_'))
      primitive.setAttribute(semantic, null)
  }
}
