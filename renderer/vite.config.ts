// The web shell: the same renderer served by plain Vite (electron-vite's dev server needs the
// Electron binary, which these machines cannot download).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const WEB_PORT = 5317;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../dist-web', import.meta.url)), emptyOutDir: true },
  server: { port: WEB_PORT, strictPort: true, host: '127.0.0.1' },
  preview: { port: WEB_PORT, strictPort: true, host: '127.0.0.1' },
});
