// Builds the statements/network benchmark's page (renderer/bench/network): the app's real table
// and network view without the rest of the app. Kept apart so that no bench code reaches the app bundle.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../renderer/bench/network', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: { outDir: fileURLToPath(new URL('../node_modules/.cache/presswork-bench-network', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 8192 },
  preview: { port: 5341, strictPort: true, host: '127.0.0.1' },
});
