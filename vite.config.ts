import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative URLs: the same build loads from the web-mode server and from app:// in Electron.
  base: './',
  publicDir: '../assets/public',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 6000, sourcemap: false },
  worker: { format: 'es' },
});
