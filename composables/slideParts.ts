import type { VNode } from 'vue'
import { Comment, Fragment } from 'vue'

/**
 * Splits a slide's Markdown content, as the layout receives it, into its heading (everything up to the first
 * `# title`, plus the subtitle paragraph right under it unless `subtitle: false`) and the rest, so a layout can keep the title at the top
 * and balance the rest in the space below. No `# title` → everything is the rest.
 */
export function splitTitle(nodes: VNode[], options: { subtitle?: boolean } = {}): { title: VNode[], rest: VNode[] } {
  const flat = nodes.flatMap(n => n.type === Fragment && Array.isArray(n.children)
    ? n.children as VNode[]
    : [n])
  const at = flat.findIndex(n => n.type === 'h1')
  if (at < 0)
    return { title: [], rest: flat }
  let end = at + 1
  while (flat[end]?.type === Comment)
    end++
  if (options.subtitle !== false && flat[end]?.type === 'p')
    end++
  return {
    title: flat.slice(0, end),
    rest: flat.slice(end),
  }
}
