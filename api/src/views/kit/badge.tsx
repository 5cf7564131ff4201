/** Props of {@link Badge}: a state's words and its tone. */
export interface BadgeProps {
  text: string
  tone: 'good' | 'active' | 'warn' | 'bad' | 'neutral'
}

/**
 * A state in words with a coloured dot. The colour only repeats what the words say (colour alone
 * must not carry meaning), so `text` is required and `tone` is decoration.
 */
export function Badge({ text, tone }: BadgeProps) {
  return <span class={`badge badge--${tone}`}>{text}</span>
}
