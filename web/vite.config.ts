import { defineConfig } from 'vite';

// The careops binary serves dist/ (hashed files under dist/assets/) with a strict CSP:
// no inline scripts or styles, so nothing here may inject any.
const backend = 'http://127.0.0.1:8000';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is an inline script, which the CSP (script-src 'self') would block.
    modulePreload: { polyfill: false },
    // Small assets stay files: inlined data: URLs would need CSP exceptions beyond img-src.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
      '/metrics': backend,
    },
  },
});
