import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicyMeta } from './src/build/csp.ts';
import { precache } from './src/build/precache.ts';
import {
  SINGLE_FILE_MODE,
  SINGLE_FILE_STAGING,
  alsoBuildSingleFile,
  singleFile,
} from './src/build/single-file.ts';

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
  if (mode === SINGLE_FILE_MODE) {
    // dist/kvp-analyzer.html (src/build/single-file.ts): one script, one stylesheet, nothing else.
    return {
      base: './',
      publicDir: false,
      plugins: [svelte(), singleFile()],
      build: {
        target: 'es2022',
        outDir: SINGLE_FILE_STAGING,
        emptyOutDir: true,
        // Not false: that leaves Vite's preload marker undefined in the inlined dynamic imports.
        modulePreload: { polyfill: false },
        cssCodeSplit: false,
        assetsInlineLimit: () => true,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    };
  }
  return {
    // Relative asset paths, so dist/ works from any sub-path of any static host.
    base: './',
    plugins: [svelte(), contentSecurityPolicyMeta(), precache(), alsoBuildSingleFile()],
    build: {
      target: 'es2022',
      // The polyfill would be an inline script, which the policy forbids; ES2022 browsers need none.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // Everything the entry imports statically, in the entry's chunk. Without this group
          // Rolldown moves what the entry shares with two or more lazy chunks (the Svelte runtime)
          // into a chunk of its own: one more request and ~1 KB more gzipped on a first visit.
          codeSplitting: {
            groups: [{ name: 'index', test: /src[\\/]main\.ts$/ }],
          },
        },
      },
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
