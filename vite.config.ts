// Vite build and dev server for the web app (src/web), written to dist/web and served by the Fastify server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.FIREBREAK_API_URL ?? 'http://localhost:3000';

/** Vite configuration: React, output in dist/web, /api (and its WebSocket) proxied to the server in dev. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.FIREBREAK_WEB_DIST ?? 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, ws: true },
    },
  },
});
