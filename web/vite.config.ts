/**
 * Vite build of the dashboard: `vite build web` writes dist/web/, which
 * `marsad serve` serves at `/` under `Content-Security-Policy: default-src 'self'`.
 * Hence no inlined assets (that policy refuses data: URLs) and no inline
 * scripts or styles.
 */
import { defineConfig } from 'vite';

/** Where `marsad serve` listens during `vite web` development. */
const DEV_API = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  // Preact's automatic JSX runtime through Vite 8's oxc transform.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/web', // relative to the root, web/
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The charts chunk (ECharts: bars, graph, map) is ~650 kB minified, loaded only by pages with a chart.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': DEV_API } },
});
