import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The page's promise — nothing leaves the browser — enforced by the browser itself. Only in
// the production build: the dev server needs a WebSocket for hot reload. README explains each part.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kvp-analyzer:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    // The command line: one self-contained file for plain Node 20, no dependencies at run time.
    return {
      // The page's public/ assets are not the command line's.
      publicDir: false,
      build: {
        ssr: 'src/cli/main.ts',
        outDir: 'dist-cli',
        emptyOutDir: true,
        target: 'node20',
        sourcemap: false,
        // Less to parse at every start: the command is started once per file in fleet scripts.
        minify: true,
        rollupOptions: {
          output: {
            entryFileNames: 'kvp-analyzer.js',
            banner: '#!/usr/bin/env node',
          },
        },
      },
      ssr: { noExternal: true },
    };
  }
  return {
    // Relative asset paths, so dist/ works from any sub-path of any static host.
    base: './',
    plugins: [svelte(), contentSecurityPolicyMeta()],
    build: {
      target: 'es2022',
      // The polyfill would be an inline script, which the policy forbids; ES2022 browsers need none.
      modulePreload: { polyfill: false },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['test/unit/**/*.test.ts'],
            setupFiles: ['test/support/reg-value-equality.ts'],
          },
        },
        {
          extends: true,
          resolve: { conditions: ['browser'] },
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['test/component/**/*.test.ts'],
            setupFiles: ['test/component/setup.ts'],
          },
        },
      ],
    },
  };
});
