// On paper: the report alone — verdicts, every check open, the values — headed by the file name
// and the date; no buttons, fields, samples, tree or source.
import { expect, test } from './fixtures.ts';

test('print media shows the report only, every check expanded', async ({ page }) => {
  await page.goto('./');
  await page.locator('button[data-sample="hand-edited"]').click();
  await expect(page.getByTestId('report')).toBeVisible();
  // A passed check's explanation is hidden on screen (collapsed)…
  const passed = page.locator('[data-check-id][data-status="pass"]').first();
  const explanation = passed.locator('.message');
  await expect(explanation).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(explanation).toBeVisible();
  await expect(
    page.getByText(/^KVP Analyzer report of kvp-sample-hand-edited\.reg, .+\d/),
  ).toBeVisible();
  await expect(page.locator('[data-testid^="verdict-"]').first()).toBeVisible();
  await expect(page.getByTestId('values-parameters')).toBeVisible();
  for (const hidden of [
    page.getByRole('button', { name: 'Open another…' }),
    page.getByRole('button', { name: 'Share…' }),
    page.getByRole('button', { name: 'Download JSON' }),
    page.getByRole('combobox', { name: 'Host version' }),
    page.getByRole('link', { name: /^Skip to/ }),
    page.getByTestId('registry-tree'),
    page.getByRole('heading', { level: 1, name: 'KVP Analyzer' }),
  ]) {
    await expect(hidden).toBeHidden();
  }
  // Line references stay, as text.
  await expect(page.getByTestId('values-parameters').getByRole('button').first()).toBeVisible();
  // Every check's body is on the page.
  const bodies = await page
    .locator('[data-check-id] .message')
    .evaluateAll((all) => all.filter((element) => !element.checkVisibility()).length);
  expect(bodies).toBe(0);
});

test('printing to PDF opens every check for the printed layout', async ({ page }) => {
  await page.goto('./');
  await page.locator('button[data-sample="host-6-3"]').click();
  await expect(page.getByTestId('report')).toBeVisible();
  const closedBefore = await page.locator('[data-check-id]:not([open])').count();
  expect(closedBefore).toBeGreaterThan(0);
  await page.evaluate(() => {
    addEventListener('beforeprint', () => {
      // After the page's own beforeprint handler: what printing will lay out.
      queueMicrotask(() => {
        const closed = document.querySelectorAll('[data-check-id]:not([open])').length;
        (window as unknown as { closedWhenPrinting: number }).closedWhenPrinting = closed;
      });
    });
  });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(
    await page.evaluate(
      () => (window as unknown as { closedWhenPrinting?: number }).closedWhenPrinting,
    ),
  ).toBe(0);
  // Back as it was once printed.
  await expect(page.locator('[data-check-id]:not([open])')).toHaveCount(closedBefore);
});
