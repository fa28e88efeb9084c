import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Every check and verdict as the page shows them, to compare two reports. */
async function reportOf(page: Page) {
  const checks = await page
    .locator('[data-check-id]')
    .evaluateAll((rows) => rows.map((row) => `${row.dataset.checkId}=${row.dataset.status}`));
  const verdicts = await page
    .locator('[data-testid^="verdict-"]')
    .evaluateAll((banners) =>
      banners.map((banner) => `${banner.dataset.testid}=${banner.dataset.outcome}`),
    );
  return { checks, verdicts };
}

async function shareLink(page: Page, redact: boolean): Promise<string> {
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this report' });
  await expect(dialog).toBeVisible();
  if (redact) await dialog.getByLabel(/Hide the host and VM names/).check();
  const link = dialog.getByLabel(/^Link \(/);
  await expect(link).toHaveValue(/#v1\./);
  if (redact) await expect(dialog).not.toContainText('HV-NODE3');
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByText('Copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await link.inputValue());
  expect(new URL(page.url()).hash).toBe(new URL(copied).hash);
  return copied;
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a shared link opens the identical report, what-if included', async ({
  page,
  context,
  axe,
}) => {
  await page.goto('./');
  await page.locator('button[data-sample="host-6-3"]').click();
  await page.getByRole('combobox', { name: 'Guest OS' }).selectOption('6.2');
  await expect(page.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
    'data-outcome',
    'not-offered',
  );
  const original = await reportOf(page);
  expect(original.checks.length).toBeGreaterThan(10);
  const link = await shareLink(page, false);
  await axe();
  expect(new URL(link).hash.length).toBeLessThan(600);

  const opened = await context.newPage();
  await opened.goto(link);
  await expect(opened.getByTestId('link-banner')).toHaveText(
    'Loaded from a shared link — these values were sent by someone else; no file was read. Some verdicts rest on what-if values the sender chose: guest OS 6.2 (the file says 6.1).',
  );
  await expect(opened.getByTestId('verdict-wu-ic-kb3004908')).toBeVisible();
  expect(await reportOf(opened)).toEqual(original);
  await expect(opened.getByRole('combobox', { name: 'Guest OS' })).toHaveValue('6.2');
  await expect(opened.getByTestId('values-parameters')).toContainText('HV-NODE3');
  await opened.close();
});

test('a redacted link hides the names but keeps every verdict', async ({ page, context }) => {
  await page.goto('./');
  await page.locator('button[data-sample="host-10-0"]').click();
  await expect(page.getByTestId('verdict-kvp-integrity')).toBeVisible();
  const original = await reportOf(page);
  expect(original.checks.length).toBeGreaterThan(10);
  const link = await shareLink(page, true);
  const opened = await context.newPage();
  await opened.goto(link);
  await expect(opened.getByTestId('verdict-kvp-integrity')).toBeVisible();
  expect(await reportOf(opened)).toEqual(original);
  const values = opened.getByTestId('values-parameters');
  await expect(values).not.toContainText('HVC-R2-N04');
  await expect(values).not.toContainText('SQL07');
  await expect(values).not.toContainText('C1E5A4B2');
  await opened.close();
});

test.describe('links that cannot be opened', () => {
  for (const [what, fragment, message] of [
    ['damaged', '#v1.AAAAAAAA', 'damaged'],
    ['truncated', '#v1.', 'damaged'],
    ['from a newer version', '#v9.q1YqTi0pyQ9OTc5PSQQA', 'newer version'],
  ] as const) {
    test(`a ${what} link gets a clear message and an empty page`, async ({ page, axe }) => {
      await page.goto(`./${fragment}`);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('This link cannot be opened.');
      await expect(alert).toContainText(message);
      await expect(page.locator('[data-check-id]')).toHaveCount(0);
      await expect(page.getByTestId('verdict-wu-ic-kb3004908')).toHaveCount(0);
      await axe();
    });
  }
});
