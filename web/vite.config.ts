import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web root is this folder so index.html sits next to its sources; the build lands where
// the express server serves static files from (dist/web at the repository root). Pure modules
// outside it (domain/berlin-time.ts) are imported and bundled like any other source; the dev
// server may read them because its file-system root is the repository (the package root).
const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': api,
      '/sandbox': api,
    },
  },
  preview: {
    proxy: {
      '/api': api,
      '/sandbox': api,
    },
  },
});
