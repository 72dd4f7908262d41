// Builds the import benchmark's page (renderer/bench/import): the app's own import modules and
// database, without the app around them. Kept apart from renderer/vite.config.ts so that no bench
// code reaches the production bundle.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// BENCH_IMPORT_PORT: another port, when two checkouts run benchmarks side by side.
export const BENCH_IMPORT_PORT = Number(process.env.BENCH_IMPORT_PORT ?? 5327);

export default defineConfig({
  root: fileURLToPath(new URL('../renderer/bench/import', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../node_modules/.cache/presswork-bench-import', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  preview: { port: BENCH_IMPORT_PORT, strictPort: true, host: '127.0.0.1' },
});
