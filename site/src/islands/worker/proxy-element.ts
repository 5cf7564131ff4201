import { EventDispatcher } from 'three'
import type { ForwardedEvent } from './messages.ts'

type ProxyEvents = Record<string, Record<string, unknown>>

/**
 * The stage as a scene in a worker sees it: a stand-in for the DOM element that R3F's pointer events
 * and OrbitControls listen to, fed with the events the page forwards (page/forward-input.ts). It has
 * what they read of an element (its size and box, `style`, pointer capture, an owner document) and
 * sends the one thing they write that the page must show, the cursor, back to the page. Pointer
 * capture itself happens on the page.
 */
export class ProxyElement extends EventDispatcher<ProxyEvents> {
  clientWidth: number
  clientHeight: number
  readonly style: { touchAction: string; cursor: string }
  /** OrbitControls listen to pointer moves and keys on the element's document: here, the element. */
  readonly ownerDocument = this

  constructor(width: number, height: number, onCursor: (cursor: string) => void) {
    super()
    this.clientWidth = width
    this.clientHeight = height
    let cursor = ''
    this.style = {
      touchAction: '',
      get cursor() {
        return cursor
      },
      set cursor(value: string) {
        if (value === cursor) return
        cursor = value
        onCursor(value === 'auto' ? '' : value)
      },
    }
  }

  resize(width: number, height: number): void {
    this.clientWidth = width
    this.clientHeight = height
  }

  getRootNode(): this {
    return this
  }

  getBoundingClientRect() {
    const { clientWidth: width, clientHeight: height } = this
    return { left: 0, top: 0, x: 0, y: 0, width, height, right: width, bottom: height }
  }

  setPointerCapture(): void {}
  releasePointerCapture(): void {}
  hasPointerCapture(): boolean {
    return false
  }
  focus(): void {}

  /** Dispatches a forwarded event as the listeners expect a DOM event: client and page coordinates too. */
  forward(event: ForwardedEvent): void {
    this.dispatchEvent({
      ...event,
      clientX: event.offsetX,
      clientY: event.offsetY,
      pageX: event.offsetX,
      pageY: event.offsetY,
      isPrimary: true,
      preventDefault() {},
      stopPropagation() {},
    } as unknown as { type: string })
  }
}
