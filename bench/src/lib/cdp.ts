import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'

/**
 * A headless Chromium driven over the DevTools protocol directly (`--remote-debugging-pipe`), for
 * the benchmarks that time what happens on a page's own threads. Playwright attaches to every worker
 * a page starts, holds it until it has set it up, and talks to it through the page: measured on the
 * home page while its 3D island started in a worker, 150–230 ms of the DevTools protocol's messages
 * ran on the page's main thread (4× slowed), time no visitor's browser spends. Here the client
 * attaches to the page alone, so a page's workers run as they would for a visitor.
 */

interface Reply {
  id?: number
  method?: string
  params?: Record<string, unknown>
  result?: Record<string, unknown>
  error?: { message: string }
  sessionId?: string
}

type Params = Record<string, unknown>

export interface PhoneOptions {
  width: number
  height: number
  deviceScaleFactor: number
  reducedMotion: 'reduce' | 'no-preference'
  /** Runs in each document before its own scripts (Page.addScriptToEvaluateOnNewDocument). */
  initScript: () => void
  cpuSlowdown: number
}

export class CdpBrowser {
  #process: ChildProcess
  #profile: string
  #writer: Writable
  #next = 1
  #pending = new Map<number, { resolve: (result: Params) => void; reject: (error: Error) => void }>()
  #listeners = new Set<(message: Reply) => void>()

  private constructor(child: ChildProcess, profile: string) {
    this.#process = child
    this.#profile = profile
    const [, , , writer, reader] = child.stdio as [null, null, Readable, Writable, Readable]
    this.#writer = writer
    let buffer = ''
    reader.setEncoding('utf8')
    reader.on('data', (chunk: string) => {
      buffer += chunk
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        this.#receive(JSON.parse(buffer.slice(0, end)) as Reply)
        buffer = buffer.slice(end + 1)
      }
    })
    child.once('exit', () => {
      for (const { reject } of this.#pending.values()) reject(new Error('Chromium exited'))
      this.#pending.clear()
    })
  }

  static async launch(executable: string, args: string[]): Promise<CdpBrowser> {
    const profile = await mkdtemp(join(tmpdir(), 'kairo-cdp-'))
    const child = spawn(
      executable,
      [...args, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    )
    // Chromium's own warnings on stderr are not the benchmark's output.
    child.stderr?.resume()
    const browser = new CdpBrowser(child, profile)
    await browser.send('Browser.getVersion')
    return browser
  }

  #receive(message: Reply) {
    if (message.id !== undefined) {
      const waiter = this.#pending.get(message.id)
      this.#pending.delete(message.id)
      if (message.error) waiter?.reject(new Error(message.error.message))
      else waiter?.resolve(message.result ?? {})
      return
    }
    for (const listener of this.#listeners) listener(message)
  }

  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    const id = this.#next++
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.#writer.write(`${JSON.stringify({ id, method, params, sessionId })}\0`)
    })
  }

  /** Resolves with the first event `method` of `sessionId` that arrives from now on. */
  once(method: string, sessionId: string): Promise<Params> {
    return new Promise((resolve) => {
      const listener = (message: Reply) => {
        if (message.method !== method || message.sessionId !== sessionId) return
        this.#listeners.delete(listener)
        resolve(message.params ?? {})
      }
      this.#listeners.add(listener)
    })
  }

  async version(): Promise<string> {
    const { product } = (await this.send('Browser.getVersion')) as { product: string }
    return product.replace(/^(Headless)?Chrome\//, '')
  }

  /** A page in a new browser context (a first visit: empty cache and storage), set up as a phone. */
  async newPhonePage(options: PhoneOptions): Promise<CdpPage> {
    const { browserContextId } = (await this.send('Target.createBrowserContext', {
      disposeOnDetach: true,
    })) as { browserContextId: string }
    const { targetId } = (await this.send('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    })) as { targetId: string }
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string
    }
    const page = new CdpPage(this, sessionId, browserContextId)
    await page.send('Page.enable')
    await page.send('Emulation.setDeviceMetricsOverride', {
      width: options.width,
      height: options.height,
      deviceScaleFactor: options.deviceScaleFactor,
      mobile: true,
      screenWidth: options.width,
      screenHeight: options.height,
    })
    await page.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 })
    await page.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: options.reducedMotion }],
    })
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${options.initScript})()` })
    await page.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown })
    return page
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#process.once('exit', resolve))
    await this.send('Browser.close').catch(() => {})
    await exited
    await rm(this.#profile, { recursive: true, force: true })
  }
}

export class CdpPage {
  readonly browser: CdpBrowser
  readonly sessionId: string
  readonly contextId: string

  constructor(browser: CdpBrowser, sessionId: string, contextId: string) {
    this.browser = browser
    this.sessionId = sessionId
    this.contextId = contextId
  }

  send(method: string, params: Params = {}): Promise<Params> {
    return this.browser.send(method, params, this.sessionId)
  }

  /** Navigates and resolves once the page's `load` event has fired. */
  async goto(url: string): Promise<void> {
    const loaded = this.browser.once('Page.loadEventFired', this.sessionId)
    const { errorText } = (await this.send('Page.navigate', { url })) as { errorText?: string }
    if (errorText) throw new Error(`${url}: ${errorText}`)
    await loaded
  }

  /** Runs `fn(arg)` in the page (a self-contained function: its source is sent) and returns its result. */
  async evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const { result, exceptionDetails } = (await this.send('Runtime.evaluate', {
      expression: `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text)
    return result.value
  }

  /** Polls `fn` every `pollMs` until it returns true; false when `timeoutMs` passed first. */
  async waitFor(fn: () => boolean, timeoutMs: number, pollMs = 250): Promise<boolean> {
    const until = Date.now() + timeoutMs
    for (;;) {
      if (await this.evaluate(fn)) return true
      if (Date.now() >= until) return false
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }

  /** A tap with one finger, as a touch screen sends it. */
  async tap(x: number, y: number): Promise<void> {
    await this.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
    await this.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }

  /** A mouse wheel turn of `deltaY` px at the viewport's top left corner (where no pointer has moved). */
  async wheel(deltaY: number): Promise<void> {
    await this.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 0, y: 0, deltaX: 0, deltaY })
  }

  async close(): Promise<void> {
    await this.browser.send('Target.disposeBrowserContext', { browserContextId: this.contextId })
  }
}
