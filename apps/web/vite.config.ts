import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One build, three route-split areas: the resident app (/), the operator console (/console)
// and the city-services panel (/panel). The API runs on the same origin (the server serves dist/).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8109',
      '/open311': 'http://localhost:8109',
      '/health': 'http://localhost:8109',
    },
  },
});
