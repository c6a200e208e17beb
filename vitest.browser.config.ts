import { defineConfig } from 'vitest/config'

// The web chat in real Chromium (Debian's, at /usr/bin/chromium): `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // Each file starts the app in local mode (in-memory PGlite) and one Chromium.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
