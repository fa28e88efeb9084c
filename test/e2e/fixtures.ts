import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every e2e test runs under two guards: any request that leaves the page's origin fails the
 * test (and is aborted), and so does any console error or uncaught exception.
 */
export const test = base.extend<{
  /** Console errors a test provokes on purpose; anything else still fails it. */
  expectedConsoleErrors: RegExp[];
  /** URLs off the origin a test opens on purpose (the single file, from disk). */
  allowedUrls: string[];
  /**
   * false: watch requests instead of routing them. Routed requests bypass the service worker,
   * so a test of the offline page could not tell its cache from the network.
   */
  interceptRequests: boolean;
  guards: void;
  /** Runs axe (WCAG 2 A/AA) on the page, or on the part a selector names; fails on any violation. */
  axe: (include?: string) => Promise<void>;
}>({
  expectedConsoleErrors: [[], { option: true }],
  allowedUrls: [[], { option: true }],
  interceptRequests: [true, { option: true }],
  guards: [
    async (
      { page, context, baseURL, expectedConsoleErrors, allowedUrls, interceptRequests },
      use,
    ) => {
      const origin = new URL(baseURL ?? 'http://localhost').origin;
      const offOrigin: string[] = [];
      const errors: string[] = [];
      const allowed = (url: string) =>
        url.startsWith('data:') ||
        url.startsWith('blob:') ||
        allowedUrls.includes(url) ||
        new URL(url).origin === origin;
      if (interceptRequests) {
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (allowed(url)) return route.continue();
          offOrigin.push(url);
          return route.abort('blockedbyclient');
        });
      } else {
        // The page's requests and its service worker's.
        context.on('request', (request) => {
          if (!allowed(request.url())) offOrigin.push(request.url());
        });
      }
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(offOrigin, 'requests that left the origin').toEqual([]);
      const unexpected = errors.filter(
        (error) => !expectedConsoleErrors.some((pattern) => pattern.test(error)),
      );
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  axe: async ({ page }, use) => {
    await use(async (include?: string) => {
      const builder = new AxeBuilder({ page }).withTags([
        'wcag2a',
        'wcag2aa',
        'wcag21a',
        'wcag21aa',
      ]);
      const results = await (include ? builder.include(include) : builder).analyze();
      const summary = results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      );
      expect(summary, 'axe violations').toEqual([]);
    });
  },
});

export { expect };
