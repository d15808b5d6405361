/**
 * Who gives the talk and where it lives, for every page that shows it: the cover and closing layouts
 * (through the Vite module `virtual:deck-talk`), the handout covers, the reading view and the page metadata.
 * Set once in the headmatter (`author`, `affiliation`, `event`, `date`, `siteUrl`); `npm run build -- --site-url`
 * overrides the URL by passing it to Slidev's build in DECK_SITE_URL. The QR code is drawn here, at build time.
 */
import type { Plugin } from 'vite'
import type { Deck, TalkInfo } from './deck.ts'
import { resolve } from 'node:path'
import process from 'node:process'
import { escapeHtml } from '@vue/shared'
import QRCode from 'qrcode'
import { normalizeSiteUrl, readDeck } from './deck.ts'

/** The environment variables node/slidev/slidev.ts hands the site URL and the deck's entry to Slidev's build in. */
export const SITE_URL_ENV = 'DECK_SITE_URL'
export const DECK_ENTRY_ENV = 'DECK_ENTRY'

export interface TalkModule extends TalkInfo {
  /** The site URL as an inline SVG QR code labelled with the URL; '' without a URL. */
  qrSvg: string
}

/**
 * A QR code as inline SVG: dark modules on a white square with its quiet zone (scanners need dark on
 * light, also on a dark slide), `role="img"` and the URL as its accessible name.
 */
export async function qrSvg(url: string): Promise<string> {
  if (!url)
    return ''
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(url)}" class="deck-qr" `)
    .replace(/^(<svg[^>]*>)/, `$1<title>${escapeHtml(url)}</title>`)
}

/** The non-empty parts of "speaker · affiliation · event · date": nothing for a field that is not set. */
export function talkLine(talk: Partial<TalkInfo>, fields: (keyof TalkInfo)[] = [
  'speaker',
  'affiliation',
  'event',
  'date',
]): string {
  return fields.map(f => (talk[f] ?? '').trim()).filter(Boolean).join(' · ')
}

/** The talk info with the URL from the environment taking precedence over the headmatter. */
export function resolveTalk(talk: TalkInfo, env: NodeJS.ProcessEnv = process.env): TalkInfo {
  return { ...talk, siteUrl: normalizeSiteUrl(env[SITE_URL_ENV] ?? '') || talk.siteUrl }
}

/** The deck with `--site-url` (when given) in place of the headmatter's `siteUrl`. */
export function withSiteUrl(deck: Deck, url = ''): Deck {
  return {
    ...deck,
    talk: { ...deck.talk, siteUrl: normalizeSiteUrl(url) || deck.talk.siteUrl },
  }
}

export async function talkModule(talk: TalkInfo): Promise<TalkModule> {
  return { ...talk, qrSvg: await qrSvg(talk.siteUrl) }
}

/**
 * `virtual:deck-talk`: the talk info and QR code as a module the layouts import, in dev and in the build.
 * The deck's entry: the one node/slidev/slidev.ts builds, else the `.md` argument `slidev` was started with,
 * else Slidev's own default, slides.md in the deck's folder.
 */
export function deckTalk(): Plugin {
  const id = 'virtual:deck-talk'
  let root = process.cwd()
  return {
    name: 'deck:talk',
    configResolved(config) {
      root = config.root
    },
    resolveId(source) {
      if (source === id)
        return `\0${id}`
    },
    async load(resolved) {
      if (resolved !== `\0${id}`)
        return
      const entry = process.argv.slice(2).find(arg => arg.endsWith('.md'))
      const deck = await readDeck(entry
        ? resolve(process.cwd(), entry)
        : 'slides.md', root)
      return `export default ${JSON.stringify(await talkModule(resolveTalk(deck.talk)))}`
    },
  }
}
