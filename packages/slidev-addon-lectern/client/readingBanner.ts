/**
 * The link to the reading view (read/) that a phone held upright is offered: global-bottom.vue in the
 * app, and the same link in a prerendered slide page before the app starts (node/make/pages/prerender.ts).
 * Its words, in the deck's language, are `readingBanner` in shared/messages.ts.
 */
export const READING_BANNER_CLASS = 'deck-read-banner'
/** Its font (CSS shorthand), one value for the app's banner and the prerendered page's, whose fonts are cut to it. */
export const READING_BANNER_FONT = `700 16px/1.5 'Deck Sans', 'Noto Sans SC', 'Noto Sans', sans-serif`
