// Fonts ship with the project (npm), so the deck looks the same offline and in the PDF.
import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
// Noto Sans fills the few Latin/Greek glyphs Noto Sans SC lacks (λ); unicode-range keeps it to one small file.
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/700.css'
import '@fontsource/jetbrains-mono/400.css'
import './deck.css'
