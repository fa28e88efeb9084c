// Nothing wider than the screen at 360 px, in any state: every sample, every fixture and every
// real corpus file, with its report, every check open, the source, the registry tree opened
// level by level, the what-if panel and the share dialog; and the summary of several files.
import type { Page } from '@playwright/test';
import { samples } from '../../src/app/samples/index.ts';
import { exportFile, regFilesOnDisk } from './exports.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 360, height: 740 } });

async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    // What sticks out, outside any box that scrolls by itself: named in the failure message.
    const scrolls = (element: Element | null): boolean =>
      element !== null &&
      (['auto', 'scroll'].includes(getComputedStyle(element).overflowX) ||
        scrolls(element.parentElement));
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((element) => !scrolls(element.parentElement))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      culprits,
    };
  });
  expect(
    scrollWidth,
    `page width when ${state}; too wide: ${culprits.join(' ')}`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** Opens every disclosure in the report, the tree a few levels deep (children render on open). */
async function openEverything(page: Page): Promise<void> {
  for (let level = 0; level < 6; level++) {
    const closed = page.locator('[data-testid="report"] details:not([open]) > summary');
    const count = await closed.count();
    if (count === 0) break;
    await closed.evaluateAll((summaries) => {
      for (const summary of summaries.slice(0, 200)) (summary as HTMLElement).click();
    });
  }
}

/** `tree`: the input holds registry keys (a .reg export), so the report shows their tree. */
async function everyState(page: Page, { tree = true } = {}): Promise<void> {
  await expect(page.getByTestId('report')).toBeVisible();
  // The tree is loaded on first use: open it with the rest.
  if (tree) await expect(page.getByTestId('registry-tree')).toBeVisible();
  await expectNoSidewaysScroll(page, 'the report is shown');
  await openEverything(page);
  await expectNoSidewaysScroll(page, 'every check, the source and the tree are open');
  await page.getByRole('combobox', { name: 'Host version' }).selectOption('6.4');
  await expectNoSidewaysScroll(page, 'a what-if is chosen');
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this report' });
  // Encoding waits for the browser's deflate; a page with thousands of rows open answers slowly.
  await expect(dialog.getByText(/^Link \(\d+ characters\)$|too large for a link/)).toBeVisible({
    timeout: 15_000,
  });
  await expectNoSidewaysScroll(page, 'the share dialog is open');
  const [dialogRight, viewport] = await dialog.evaluate((element) => [
    element.getBoundingClientRect().right,
    window.innerWidth,
  ]);
  expect(dialogRight).toBeLessThanOrEqual(viewport);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

for (const sample of samples) {
  test(`sample “${sample.title}” fits 360 px in every state`, async ({ page }) => {
    await page.goto('./');
    await expectNoSidewaysScroll(page, 'nothing is open yet');
    await page.locator(`button[data-sample="${sample.id}"]`).click();
    await everyState(page, { tree: sample.fileName.endsWith('.reg') });
  });
}

for (const file of regFilesOnDisk()) {
  test(`${file.name} fits 360 px in every state`, async ({ page }) => {
    await page.goto('./');
    await page.getByLabel('Choose file…').setInputFiles(file.path);
    await everyState(page);
  });
}

test('the corpus is there to be read', () => {
  // The loop above must not pass by finding no files.
  expect(regFilesOnDisk().filter((file) => file.path.includes('corpus')).length).toBeGreaterThan(
    40,
  );
});

test('the summary of several files fits 360 px, and stays a table to screen readers', async ({
  page,
  axe,
}) => {
  await page.goto('./');
  await page
    .getByLabel('Choose file…')
    .setInputFiles([
      exportFile('offered.reg'),
      exportFile('host-6-3.reg'),
      exportFile('host-10-0.reg'),
    ]);
  await expect(page.locator('tr[data-file]')).toHaveCount(3);
  await expect(page.getByTestId('report')).toBeVisible();
  await expectNoSidewaysScroll(page, 'three files are listed');
  await axe();
});

test('values stack into labelled blocks at 360 px, and stay a table to screen readers', async ({
  page,
}) => {
  await page.goto('./');
  await page.locator('button[data-sample="host-6-3"]').click();
  const table = page.getByTestId('values-parameters').getByRole('table');
  await expect(table.locator('td').first()).toHaveCSS('display', 'block');
  const label = await table
    .locator('td[data-label="Type"]')
    .first()
    .evaluate((cell) => getComputedStyle(cell, '::before').content);
  expect(label).toContain('Type');
  await expect(table.getByRole('row', { name: /HostingSystemOsMinor/ })).toMatchAriaSnapshot(`
    - row:
      - rowheader "HostingSystemOsMinor"
      - cell "REG_SZ"
      - cell "3"
      - cell /Windows Server 2012 R2/
      - cell /\\d+/
  `);
});
