import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  // Slides are prose with HTML and components; the deck checker (npm run check) owns them.
  markdown: false,
  ignores: ['dist/**', 'dist-*/**', 'exports/**', '.cache/**', 'tests/fixtures/**', 'screenshots/**'],
})
