// The web app (web/): built by `npm run build` (so by `npm ci` too) into dist/app, which the API server serves
// at / (src/web/serve-app.ts). Every asset is bundled: the page loads nothing from another host.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Development: `npx vite web` proxies the API to the server on :4000.
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    // Hashed file names under assets/: cacheable for good (the server says so).
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Mantine's files start with "use client" (for React Server Components), meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
