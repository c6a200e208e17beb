import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser tests need Chromium and run on their own: npm run test:browser.
    exclude: ['tests/browser/**', 'node_modules/**'],
    // Fails a test whose bot sent the fake Telegram something the real one refuses.
    setupFiles: ['tests/helpers/setup.ts'],
    // Each file opens its own database (PGlite in-process, or a fresh PostgreSQL database).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
