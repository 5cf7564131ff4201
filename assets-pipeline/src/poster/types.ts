/** Renders a model (a GLB) to a PNG, framed on its bounds. */
export interface PosterRenderer {
  render(glb: Uint8Array, request: PosterRequest): Promise<Uint8Array>
  close(): Promise<void>
}

export interface PosterRequest {
  width: number
  height: number
  background: string
  center: [number, number, number]
  radius: number
}
