import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Starting an embedded PGlite takes seconds of CPU on a busy 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 60_000,
    // Test files share 2 cores with other projects' tests; two at a time keeps PGlite start-up sane.
    maxWorkers: 2,
    // Test files share one module cache per worker: the server's imports (Prisma, mathjs, tRPC) load once.
    isolate: false,
  },
});
