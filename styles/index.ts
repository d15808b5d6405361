// Fonts ship with the project (npm), so the deck looks the same offline and in the PDF.
// 'Deck Sans': Noto Sans SC cut to the deck's characters at build time (vite.config.ts, packages/slidev-addon-lectern/node/fonts/font-subset.ts).
import 'virtual:deck-fonts.css'
// Noto Sans fills the few Latin/Greek glyphs Noto Sans SC lacks (λ); unicode-range keeps it to one small file.
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/700.css'
import '@fontsource/jetbrains-mono/400.css'
// Bold code (a selected instruction, **`x`**) needs the real bold: a synthesized one prints as a Type 3 bitmap font.
import '@fontsource/jetbrains-mono/700.css'
import './tokens.css'
import './deck.css'

// While editing (npm run dev) the deck uses the full Noto Sans SC, so a character typed a second ago
// renders at once. A build has every character of the deck in Deck Sans (the next build picks up new
// ones), so the 200 KB list of fallback @font-face rules stays out of the first visit; the browser
// gate fails any Chinese text that Deck Sans does not cover.
if (import.meta.env.DEV) {
  import('@fontsource/noto-sans-sc/400.css')
  import('@fontsource/noto-sans-sc/700.css')
}
