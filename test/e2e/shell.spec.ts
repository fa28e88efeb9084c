import { expect, test } from './fixtures.ts';

test('the page loads under a sub-path with its title and privacy promise', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/kvp-analyzer/');
  await expect(page).toHaveTitle('KVP Analyzer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KVP Analyzer');
  await expect(
    page.getByText('Your file is read in this browser and never uploaded.'),
  ).toBeVisible();
});

test('every asset is served from the sub-path, and the policy forbids connections', async ({
  page,
}) => {
  const assets: string[] = [];
  page.on('response', (response) => assets.push(new URL(response.url()).pathname));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(assets.length).toBeGreaterThan(2);
  expect(assets.filter((path) => !path.startsWith('/kvp-analyzer/'))).toEqual([]);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("connect-src 'none'");
  expect(policy).toContain("default-src 'self'");
});

test.describe('the Content-Security-Policy', () => {
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test('refuses a request the page tries to make off the origin', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto('./');
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('http://localhost:9/', { mode: 'no-cors' });
        return 'sent';
      } catch {
        return 'refused';
      }
    });
    expect(outcome).toBe('refused');
    expect(violations.join('\n')).toContain("connect-src 'none'");
  });
});

test('the page has no accessibility violations (axe, WCAG 2 A/AA)', async ({ page, axe }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await axe();
});
