// The web shell: the same renderer served by plain Vite (electron-vite's dev server needs the
// Electron binary, which these machines cannot download).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export const WEB_PORT = 5317;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../dist-web', import.meta.url)), emptyOutDir: true },
  server: { port: WEB_PORT, strictPort: true, host: '127.0.0.1' },
  preview: { port: WEB_PORT, strictPort: true, host: '127.0.0.1' },
});
