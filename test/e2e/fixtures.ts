import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every e2e test runs under two guards: any request that leaves the page's origin fails the
 * test (and is aborted), and so does any console error or uncaught exception.
 */
export const test = base.extend<{
  /** Console errors a test provokes on purpose; anything else still fails it. */
  expectedConsoleErrors: RegExp[];
  guards: void;
  /** Runs axe (WCAG 2 A/AA) on the page; fails on any violation. */
  axe: () => Promise<void>;
}>({
  expectedConsoleErrors: [[], { option: true }],
  guards: [
    async ({ page, baseURL, expectedConsoleErrors }, use) => {
      const origin = new URL(baseURL ?? 'http://localhost').origin;
      const offOrigin: string[] = [];
      const errors: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
          return route.continue();
        }
        offOrigin.push(url);
        return route.abort('blockedbyclient');
      });
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
    await use(async () => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const summary = results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      );
      expect(summary, 'axe violations').toEqual([]);
    });
  },
});

export { expect };
