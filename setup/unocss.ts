import { defineUnoSetup } from '@slidev/types'

/**
 * The colour tokens (styles/tokens.css) as UnoCSS colours, so slides write `text-deck-accent`,
 * `bg-deck-ok-soft` or `border-deck-line` instead of a hue: they follow light and dark like the tokens.
 */
const TOKENS = [
  'ink',
  'muted',
  'surface',
  'surface-2',
  'line',
  'on-accent',
  'accent-strong',
]
const ROLES = [
  'accent',
  'ok',
  'warn',
  'danger',
  'extra',
]

export default defineUnoSetup(() => ({
  theme: {
    colors: {
      deck: Object.fromEntries([
        ...TOKENS,
        ...ROLES.flatMap(role => [role, `${role}-soft`]),
      ].map(name => [name, `var(--deck-${name})`])),
    },
  },
}))
