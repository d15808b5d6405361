// The talk info and QR code, from node/deck/talk.ts (a Vite plugin in vite.config.ts).
declare module 'virtual:deck-talk' {
  const talk: import('../node/deck/talk.ts').TalkModule
  export default talk
}
