import { defineShikiSetup } from '@slidev/types'

// GitHub's high-contrast themes: every token, comments included, meets 4.5:1 on the code background
// in both modes (the default vitesse themes' comments fall to about 2:1 on a projector-grey block).
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light-high-contrast',
    dark: 'github-dark-high-contrast',
  },
}))
