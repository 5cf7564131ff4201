import { type Document, ImageUtils, Primitive } from '@gltf-transform/core'

/** One texture's facts: what the pipeline will size and compress per LOD. */
export interface TextureStats {
  name: string
  /** Material slots that use it, e.g. `baseColorTexture`, `normalTexture`. */
  slots: string[]
  mimeType: string
  /** Pixel size, or null when the format's header could not be read. */
  width: number | null
  height: number | null
  bytes: number
}

/** A model's statistics, as `inspect` prints them. */
export interface ModelStats {
  meshes: number
  primitives: number
  triangles: number
  vertices: number
  materials: number
  textures: TextureStats[]
  animations: number
  extensionsUsed: string[]
}

// Note: counts are per mesh primitive, not per node instance, as `gltf-transform inspect` reports them.
function triangleCount(primitive: Primitive): number {
  const indices = primitive.getIndices()
  const position = primitive.getAttribute('POSITION')
  const count = indices ? indices.getCount() : (position?.getCount() ?? 0)
  switch (primitive.getMode()) {
    case Primitive.Mode.TRIANGLES:
      return Math.floor(count / 3)
    case Primitive.Mode.TRIANGLE_STRIP:
    case Primitive.Mode.TRIANGLE_FAN:
      return Math.max(0, count - 2)
    default:
      return 0 // points and lines draw no triangles
  }
}

/**
 * Computes a model's statistics from a loaded glTF-Transform Document: meshes, primitives,
 * triangles and vertices (per primitive), materials, textures with their pixel sizes, animations,
 * and the extensions it uses. Pure: it reads the document and changes nothing.
 */
export function inspectDocument(doc: Document): ModelStats {
  const root = doc.getRoot()
  const graph = doc.getGraph()
  const primitives = root.listMeshes().flatMap((mesh) => mesh.listPrimitives())
  return {
    meshes: root.listMeshes().length,
    primitives: primitives.length,
    triangles: primitives.reduce((sum, p) => sum + triangleCount(p), 0),
    vertices: primitives.reduce((sum, p) => sum + (p.getAttribute('POSITION')?.getCount() ?? 0), 0),
    materials: root.listMaterials().length,
    textures: root.listTextures().map((texture, index) => {
      const image = texture.getImage()
      const mimeType = texture.getMimeType()
      const size = image ? ImageUtils.getSize(image, mimeType) : null
      return {
        name: texture.getName() || texture.getURI() || `texture ${index}`,
        slots: [
          ...new Set(
            graph
              .listParentEdges(texture)
              .filter((edge) => edge.getParent() !== root)
              .map((edge) => edge.getName()),
          ),
        ].sort(),
        mimeType,
        width: size?.[0] ?? null,
        height: size?.[1] ?? null,
        bytes: image?.byteLength ?? 0,
      }
    }),
    animations: root.listAnimations().length,
    extensionsUsed: root.listExtensionsUsed().map((extension) => extension.extensionName),
  }
}
