// Fonts ship with the project (npm), so the deck looks the same offline and in the PDF.
import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import '@fontsource/jetbrains-mono/400.css'
import './deck.css'
