// Builds the reader benchmark's page (renderer/bench/reader): the app's real reader pane and
// database without the rest of the app. Kept apart so that no bench code reaches the app bundle.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export const BENCH_READER_PORT = 5328;

export default defineConfig({
  root: fileURLToPath(new URL('../renderer/bench/reader', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: { outDir: fileURLToPath(new URL('../node_modules/.cache/presswork-bench-reader', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  preview: { port: BENCH_READER_PORT, strictPort: true, host: '127.0.0.1' },
});
