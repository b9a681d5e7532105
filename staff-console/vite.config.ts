import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves each app under its own path on one origin, so asset URLs must carry that prefix.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Two pages: the center's console (index.html) and the same console in hub mode (hub.html), which the
    // province hub serves as its /console/. They share every module they both use.
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), hub: resolve(import.meta.dirname, 'hub.html') } },
  },
  server: {
    // A fixed port per app lets all three dev servers run side by side (`pnpm dev`).
    port: 5175,
    // Same-origin paths in dev as in production, so the app code never needs to know the server address.
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'http://localhost:8080', ws: true },
    },
  },
});
