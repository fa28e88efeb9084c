// The answer first: whatever was opened, the input panel folds to an "Open another…" bar, the
// report scrolls into view and its heading takes the focus. And the keyboard: a skip link, every
// control reachable, focus always visible, a chevron on every disclosure.
import type { Page } from '@playwright/test';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { exportFile } from './exports.ts';
import { expect, test } from './fixtures.ts';

async function expectAnswerFirst(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 2, name: `Report: ${name}` });
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('report')).toBeInViewport();
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Open another…' })).toBeVisible();
  await expect(page.getByLabel('Or paste the text of an export')).toHaveCount(0);
  await expect(page.locator('button[data-sample]')).toHaveCount(0);
}

test.describe('the answer first', () => {
  // A short window: below the input panel, the report would start off screen.
  test.use({ viewport: { width: 1280, height: 600 } });

  test('after a file', async ({ page, axe }) => {
    await page.goto('./');
    await page.getByLabel('Choose file…').setInputFiles(exportFile('host-6-3.reg'));
    await expectAnswerFirst(page, 'host-6-3.reg');
    await axe();
    await page.getByRole('button', { name: 'Open another…' }).click();
    await expect(page.getByLabel('Choose file…')).toBeFocused();
    await expect(page.locator('button[data-sample]').first()).toBeVisible();
    // The report stays while another is chosen.
    await expect(page.getByTestId('report')).toBeVisible();
  });

  test('after a paste', async ({ page }) => {
    await page.goto('./');
    await page.getByLabel('Or paste the text of an export').fill(host63);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expectAnswerFirst(page, 'pasted text');
  });

  test('after a sample', async ({ page }) => {
    await page.goto('./');
    await page.locator('button[data-sample="healthy"]').click();
    await expectAnswerFirst(page, 'kvp-sample-healthy.reg');
  });

  test('after a shared link', async ({ page }) => {
    await page.goto('./');
    await page.locator('button[data-sample="host-6-3"]').click();
    await page.getByRole('button', { name: 'Share…' }).click();
    await expect(page.getByLabel(/^Link \(/)).toHaveValue(/#v1\./);
    const link = await page.getByLabel(/^Link \(/).inputValue();
    const opened = await page.context().newPage();
    await opened.setViewportSize({ width: 1280, height: 600 });
    await opened.goto(link);
    await expectAnswerFirst(opened, 'shared link');
    await opened.close();
  });

  test('after several files, the first one’s report', async ({ page }) => {
    await page.goto('./');
    await page
      .getByLabel('Choose file…')
      .setInputFiles([exportFile('offered.reg'), exportFile('host-10-0.reg')]);
    await expectAnswerFirst(page, 'offered.reg');
    await expect(page.locator('tr[data-file]')).toHaveCount(2);
    // Choosing another in the list brings its report into view the same way.
    await page.getByRole('button', { name: 'host-10-0.reg', exact: true }).click();
    await expectAnswerFirst(page, 'host-10-0.reg');
  });

  test('a file that cannot be read keeps the panel open, with the reason', async ({ page }) => {
    await page.goto('./');
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['hello'], 'notes.txt'));
      return transfer;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await expect(page.getByRole('alert')).toContainText('notes.txt cannot be analysed.');
    await expect(page.getByLabel('Choose file…')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open another…' })).toHaveCount(0);
  });
});

test.describe('the keyboard', () => {
  test('a skip link is the first stop and goes to the report', async ({ page }) => {
    await page.goto('./');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    await page.locator('button[data-sample="host-6-3"]').click();
    const heading = page.getByRole('heading', { name: 'Report: kvp-sample-host-6-3.reg' });
    await expect(heading).toBeFocused();
    // Back up to the top of the page, then skip down again.
    const toReport = page.getByRole('link', { name: 'Skip to the report' });
    for (
      let press = 0;
      press < 10 && !(await toReport.evaluate((l) => l === document.activeElement));
      press++
    ) {
      await page.keyboard.press('Shift+Tab');
    }
    await expect(toReport).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(heading).toBeFocused();
    // The address keeps its fragment (a shared link's): the skip link does not change it.
    expect(new URL(page.url()).hash).toBe('');
  });

  test('every control is reachable with Tab, and shows its focus', async ({ page }) => {
    await page.goto('./');
    await page.locator('button[data-sample="hand-edited"]').click();
    await expect(page.getByTestId('report')).toBeVisible();
    await page.getByRole('button', { name: 'Open another…' }).click();
    // What can be operated: links, buttons, fields and disclosures that are shown.
    const controls = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button:enabled, input:enabled, select:enabled, textarea:enabled, summary',
        ),
      ]
        .filter((element) => element.checkVisibility() || element.matches('input[type="file"]'))
        .filter((element) => !element.closest('[aria-hidden="true"]'))
        .map((element, index) => {
          element.dataset.control = String(index);
          return String(index);
        }),
    );
    expect(controls.length).toBeGreaterThan(40);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    const unringed: string[] = [];
    for (let press = 0; press < controls.length * 3 && reached.size < controls.length; press++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        // The file input is invisible; its label shows the focus (focus-within).
        const shown = element.matches('input[type="file"]') ? element.parentElement : element;
        const style = shown ? getComputedStyle(shown) : null;
        return {
          control: element.dataset.control ?? null,
          name: element.textContent?.trim().slice(0, 40) || element.getAttribute('aria-label'),
          ring: style !== null && style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      if (!focused?.control) continue;
      reached.add(focused.control);
      if (!focused.ring) unringed.push(String(focused.name));
    }
    const missed = await page.evaluate(
      (ids) =>
        ids.map((id) => document.querySelector(`[data-control="${id}"]`)?.outerHTML.slice(0, 120)),
      controls.filter((control) => !reached.has(control)),
    );
    expect(missed, 'controls Tab never reached').toEqual([]);
    expect(unringed, 'controls whose focus cannot be seen').toEqual([]);
  });

  test('every disclosure shows a chevron that turns when it opens', async ({ page }) => {
    await page.goto('./');
    await page.locator('button[data-sample="host-10-0"]').click();
    // The report, and the tree (loaded on first use), are drawn.
    await expect(page.getByTestId('registry-tree').locator('summary').first()).toBeVisible();
    const summaries = page.locator('summary');
    expect(await summaries.count()).toBeGreaterThan(10);
    const chevrons = await summaries.evaluateAll((all) =>
      all.map((summary) => {
        const before = getComputedStyle(summary, '::before');
        return {
          marker: before.content !== 'none' && before.borderRightStyle === 'solid',
          turn: before.transform,
          open: (summary.parentElement as HTMLDetailsElement).open,
        };
      }),
    );
    expect(chevrons.every((chevron) => chevron.marker)).toBe(true);
    const closedTurn = chevrons.find((chevron) => !chevron.open)?.turn;
    const openTurn = chevrons.find((chevron) => chevron.open)?.turn;
    expect(closedTurn).toBeDefined();
    expect(openTurn).toBeDefined();
    expect(openTurn).not.toBe(closedTurn);
  });
});
