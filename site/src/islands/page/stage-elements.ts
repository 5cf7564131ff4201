/**
 * The elements of a 3D island in the page: the stage (`[data-island]`: the figure or section whose
 * `data-island-state` styles and tests read) and the box inside it that holds the poster and where
 * the canvas goes (`[data-island-props]`: the scene's props as JSON).
 */
export interface StageElements {
  stage: HTMLElement
  box: HTMLElement
}

/** The layer laid over the poster, in the same box (so nothing shifts); styles fade it in when ready. */
export function canvasLayer(): HTMLDivElement {
  const layer = document.createElement('div')
  layer.className = 'island__canvas'
  layer.setAttribute('aria-hidden', 'true')
  return layer
}
