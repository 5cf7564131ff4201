/**
 * A value shared by every copy of a module in this process, kept on `globalThis` under a registered
 * symbol. Needed where one process loads the same source twice: Astro's config loader (the
 * integrations) beside its build bundle (the routes), or the fast publisher beside its render bundle.
 */
export function processSlot<T>(name: string): { get: () => T | undefined; set: (value: T) => T } {
  const key = Symbol.for(name)
  const scope = globalThis as { [key: symbol]: unknown }
  return {
    get: () => scope[key] as T | undefined,
    set: (value) => {
      scope[key] = value
      return value
    },
  }
}
