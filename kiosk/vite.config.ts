import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves each app under its own path on one origin, so asset URLs must carry that prefix.
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Three pages: the kiosk itself, the citizen's tracking page (/t/<code>) and the booking page (/book/).
    rollupOptions: { input: { main: 'index.html', track: 'track.html', book: 'book.html' } },
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
