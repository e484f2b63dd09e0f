import { defineConfig } from 'vite';

// Plain Vite: esbuild compiles the TSX with Preact's automatic JSX runtime, so no framework plugin
// (and nothing that needs a newer Node) is involved. The server serves dist/ under `/`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 400 },
  // `npm run dev -w @gridhaul/web` next to a running server (PORT 3000): hot reload, API proxied.
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000', '/api': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' } },
});
