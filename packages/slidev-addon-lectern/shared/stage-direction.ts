/**
 * The mark that opens a stage direction in speaker notes (AUTHORING.md): read by the tools in Node
 * (node/deck/notes.ts) and in the presenter's page (client/stageDirections.ts). Its own module, so the page
 * does not pull in what the Node side imports (markdown-it is ~100 KB of the app's first script).
 */
export const STAGE_DIRECTION = '【提示】'
