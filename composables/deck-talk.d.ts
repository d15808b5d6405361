// The talk info and QR code, from tools/talk.ts (a Vite plugin in vite.config.ts).
declare module 'virtual:deck-talk' {
  const talk: import('../tools/talk.ts').TalkModule
  export default talk
}
