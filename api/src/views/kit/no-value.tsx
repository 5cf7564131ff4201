/** An empty cell's dash, read out as "none" rather than "em dash". */
export function NoValue() {
  return (
    <>
      <span class="muted" aria-hidden="true">
        —
      </span>
      <span class="visually-hidden">none</span>
    </>
  )
}
