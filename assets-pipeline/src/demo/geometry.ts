import type { Document, Buffer as GltfBuffer, Material, Primitive } from '@gltf-transform/core'

/** Vertex data of one mesh part before it becomes glTF accessors. */
export interface MeshData {
  positions: number[]
  normals: number[]
  uvs: number[]
  indices: number[]
}

/** A UV sphere of `radius` around the origin (u around the equator, v from pole to pole). */
export function sphere(radius: number, segments: number, rings: number): MeshData {
  const mesh: MeshData = { positions: [], normals: [], uvs: [], indices: [] }
  for (let r = 0; r <= rings; r++) {
    const theta = (r / rings) * Math.PI
    for (let s = 0; s <= segments; s++) {
      const phi = (s / segments) * Math.PI * 2
      const n = [Math.sin(theta) * Math.cos(phi), Math.cos(theta), -Math.sin(theta) * Math.sin(phi)] as const
      mesh.normals.push(...n)
      mesh.positions.push(n[0] * radius, n[1] * radius, n[2] * radius)
      mesh.uvs.push(s / segments, r / rings)
    }
  }
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = r * (segments + 1) + s
      const b = a + segments + 1
      mesh.indices.push(a, b, a + 1, b, b + 1, a + 1)
    }
  }
  return mesh
}

/**
 * A flat ring in the XZ plane, both faces (so it shows from above and below); u runs from the inner
 * to the outer edge, which is what the ring texture's stripes follow.
 */
export function ring(inner: number, outer: number, segments: number): MeshData {
  const mesh: MeshData = { positions: [], normals: [], uvs: [], indices: [] }
  for (const side of [1, -1]) {
    const base = mesh.positions.length / 3
    for (let s = 0; s <= segments; s++) {
      const phi = (s / segments) * Math.PI * 2
      const [c, n] = [Math.cos(phi), Math.sin(phi)]
      mesh.positions.push(c * inner, 0, n * inner, c * outer, 0, n * outer)
      mesh.normals.push(0, side, 0, 0, side, 0)
      mesh.uvs.push(0, s / segments, 1, s / segments)
    }
    for (let s = 0; s < segments; s++) {
      const a = base + s * 2
      if (side > 0) mesh.indices.push(a, a + 2, a + 1, a + 1, a + 2, a + 3)
      else mesh.indices.push(a, a + 1, a + 2, a + 1, a + 3, a + 2)
    }
  }
  return mesh
}

/** An axis-aligned box centred at `center`, each face mapped to the whole texture. */
export function box(
  size: readonly [number, number, number],
  center: readonly [number, number, number] = [0, 0, 0],
): MeshData {
  const mesh: MeshData = { positions: [], normals: [], uvs: [], indices: [] }
  const half = size.map((v) => v / 2) as [number, number, number]
  // Each face: its normal axis and sign; the two in-plane axes follow.
  for (const axis of [0, 1, 2] as const) {
    for (const sign of [1, -1]) {
      const [a, b] = [((axis + 1) % 3) as 0 | 1 | 2, ((axis + 2) % 3) as 0 | 1 | 2]
      const base = mesh.positions.length / 3
      for (const [du, dv] of [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ] as const) {
        const p = [0, 0, 0]
        p[axis] = center[axis] + sign * half[axis]
        p[a] = center[a] + du * half[a] * sign
        p[b] = center[b] + dv * half[b]
        const n = [0, 0, 0]
        n[axis] = sign
        mesh.positions.push(...p)
        mesh.normals.push(...n)
        mesh.uvs.push((du + 1) / 2, (dv + 1) / 2)
      }
      mesh.indices.push(base, base + 1, base + 2, base, base + 2, base + 3)
    }
  }
  return mesh
}

/** An open cylinder along Y from `y0`, e.g. an antenna mast or a dish's feed. */
export function cylinder(radius: number, height: number, segments: number, y0 = 0): MeshData {
  const mesh: MeshData = { positions: [], normals: [], uvs: [], indices: [] }
  for (let s = 0; s <= segments; s++) {
    const phi = (s / segments) * Math.PI * 2
    const [c, n] = [Math.cos(phi), Math.sin(phi)]
    mesh.positions.push(c * radius, y0, n * radius, c * radius, y0 + height, n * radius)
    mesh.normals.push(c, 0, n, c, 0, n)
    mesh.uvs.push(s / segments, 0, s / segments, 1)
  }
  for (let s = 0; s < segments; s++) {
    const a = s * 2
    mesh.indices.push(a, a + 1, a + 2, a + 1, a + 3, a + 2)
  }
  return mesh
}

/** A shallow dish (a spherical cap opening towards +Y), both faces. */
export function dish(radius: number, depth: number, segments: number, rings: number): MeshData {
  const mesh: MeshData = { positions: [], normals: [], uvs: [], indices: [] }
  for (const side of [1, -1]) {
    const base = mesh.positions.length / 3
    for (let r = 0; r <= rings; r++) {
      const t = r / rings
      for (let s = 0; s <= segments; s++) {
        const phi = (s / segments) * Math.PI * 2
        const x = Math.cos(phi) * radius * t
        const z = Math.sin(phi) * radius * t
        const y = depth * t * t
        const slope = (2 * depth * t) / radius
        const length = Math.hypot(slope, 1)
        mesh.positions.push(x, y, z)
        mesh.normals.push(
          (-Math.cos(phi) * slope * side) / length,
          side / length,
          (-Math.sin(phi) * slope * side) / length,
        )
        mesh.uvs.push(s / segments, t)
      }
    }
    for (let r = 0; r < rings; r++) {
      for (let s = 0; s < segments; s++) {
        const a = base + r * (segments + 1) + s
        const b = a + segments + 1
        // Counter-clockwise seen from the side the normals face: the hollow for +1, the back for −1.
        if (side > 0) mesh.indices.push(a, a + 1, b, b, a + 1, b + 1)
        else mesh.indices.push(a, b, a + 1, b, b + 1, a + 1)
      }
    }
  }
  return mesh
}

/** Turns mesh data into a glTF primitive with the given material. */
export function primitive(doc: Document, buffer: GltfBuffer, mesh: MeshData, material: Material): Primitive {
  const accessor = (type: 'VEC2' | 'VEC3', values: number[]) =>
    doc.createAccessor().setType(type).setArray(new Float32Array(values)).setBuffer(buffer)
  const indices =
    mesh.positions.length / 3 > 65535 ? new Uint32Array(mesh.indices) : new Uint16Array(mesh.indices)
  return doc
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', mesh.positions))
    .setAttribute('NORMAL', accessor('VEC3', mesh.normals))
    .setAttribute('TEXCOORD_0', accessor('VEC2', mesh.uvs))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer))
    .setMaterial(material)
}
