/** The page metadata (description, author, link previews) of the site's pages: the app's and each slide's. */
import { escapeHtml } from '@vue/shared'

export interface SocialMeta {
  title: string
  description: string
  /** The speaker; no tag when empty. */
  author: string
  keywords: string[]
  /** The site's base path ('/' or '/repo/'). */
  base: string
  /** The site's public URL ending in '/', or '' when unknown. */
  siteUrl: string
  /** The page's path under the site ('' for the home page, '12' for slide 12). */
  path?: string
}

/**
 * Slidev writes headmatter strings JSON-quoted into its meta tags; replace them with clean ones.
 * With a site URL, the preview image, og:url and the canonical link are absolute (link previews need it).
 */
export function socialMeta(html: string, meta: SocialMeta): string {
  const page = meta.siteUrl
    ? `${meta.siteUrl}${meta.path ?? ''}`
    : ''
  const tags = [
    `<meta name="description" content="${escapeHtml(meta.description)}">`,
    meta.author && `<meta name="author" content="${escapeHtml(meta.author)}">`,
    `<meta name="keywords" content="${escapeHtml(meta.keywords.join(','))}">`,
    page && `<link rel="canonical" href="${escapeHtml(page)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}">`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}">`,
    page && `<meta property="og:url" content="${escapeHtml(page)}">`,
    `<meta property="og:image" content="${escapeHtml(`${meta.siteUrl || meta.base}og-image.png`)}">`,
    `<meta property="og:locale" content="zh_CN">`,
    `<meta name="twitter:card" content="summary_large_image">`,
  ].filter(Boolean).join('\n')
  return html
    .replace(/<meta (?:name="(?:description|author|keywords)"|property="og:[^"]+"|name="twitter:[^"]+")[^>]*>\s*/g, '')
    .replace(/<link rel="canonical"[^>]*>\s*/g, '')
    .replace('</title>', `</title>\n${tags}\n`)
}
