import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves each app under its own path on one origin, so asset URLs must carry that prefix.
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Two pages: the kiosk itself, and the citizen's tracking page served by the server at /t/<code>.
    rollupOptions: { input: { main: 'index.html', track: 'track.html' } },
  },
  server: {
    // A fixed port per app lets all three dev servers run side by side (`pnpm dev`).
    port: 5173,
    // Same-origin paths in dev as in production, so the app code never needs to know the server address.
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'http://localhost:8080', ws: true },
    },
  },
});
