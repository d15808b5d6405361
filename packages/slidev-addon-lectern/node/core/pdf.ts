/**
 * PDF finishing touches pdf-lib lacks a one-liner for: document metadata with a language,
 * and a nested outline (bookmarks). Also the write-to-temp-then-rename every output uses.
 */
import type { PDFDocument, PDFRef } from 'pdf-lib'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import process from 'node:process'
import { PDFHexString, PDFName, PDFNumber } from 'pdf-lib'

export interface OutlineItem {
  title: string
  /** 0-based page index. */
  page: number
  children?: OutlineItem[]
}

export interface PdfInfo {
  title: string
  author: string
  subject: string
  keywords: string[]
  lang: string
}

export function setInfo(doc: PDFDocument, info: PdfInfo) {
  doc.setTitle(info.title, { showInWindowTitleBar: true })
  doc.setAuthor(info.author)
  doc.setSubject(info.subject)
  doc.setKeywords(info.keywords)
  doc.setLanguage(info.lang)
  doc.setCreator('Slidev + node/make/print/export.ts')
  doc.setProducer('pdf-lib')
}

/** Replace the document outline with `items` (open at the first level). */
export function setOutline(doc: PDFDocument, items: OutlineItem[]) {
  const { context, catalog } = doc
  const pages = doc.getPages()
  const rootRef = context.nextRef()

  // Writes one level of siblings under `parent`; returns the refs and how many items are visible.
  const writeLevel = (list: OutlineItem[], parent: PDFRef): { first: PDFRef, last: PDFRef, count: number } => {
    const refs = list.map(() => context.nextRef())
    let visible = 0
    list.forEach((item, i) => {
      const page = pages[Math.min(item.page, pages.length - 1)]
      const dict = context.obj({}) as any
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title))
      dict.set(PDFName.of('Parent'), parent)
      dict.set(PDFName.of('Dest'), context.obj([
        page.ref,
        PDFName.of('Fit'),
      ]))
      if (i > 0)
        dict.set(PDFName.of('Prev'), refs[i - 1])
      if (i < list.length - 1)
        dict.set(PDFName.of('Next'), refs[i + 1])
      if (item.children?.length) {
        const child = writeLevel(item.children, refs[i])
        dict.set(PDFName.of('First'), child.first)
        dict.set(PDFName.of('Last'), child.last)
        // Negative count: children start closed, so the panel shows chapters first.
        dict.set(PDFName.of('Count'), PDFNumber.of(-child.count))
      }
      context.assign(refs[i], dict)
      visible += 1
    })
    return {
      first: refs[0],
      last: refs.at(-1)!,
      count: visible,
    }
  }

  if (!items.length)
    return
  const top = writeLevel(items, rootRef)
  context.assign(rootRef, context.obj({
    Type: 'Outlines',
    First: top.first,
    Last: top.last,
    Count: top.count,
  }))
  catalog.set(PDFName.of('Outlines'), rootRef)
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

/** Write a file so readers never see half of it: a temporary name first, then an atomic rename. */
export function writeAtomic(path: string, bytes: Uint8Array) {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, bytes)
    renameSync(tmp, path)
  }
  catch (error) {
    rmSync(tmp, { force: true, recursive: true })
    throw error
  }
}
