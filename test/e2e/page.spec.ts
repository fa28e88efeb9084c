import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { exportFile } from './exports.ts';
import { expect, test } from './fixtures.ts';

const kbVerdict = (page: import('@playwright/test').Page) =>
  page.getByTestId('verdict-wu-ic-kb3004908');

test.describe('opening an export', () => {
  test('with the file input', async ({ page, axe }) => {
    await page.goto('./');
    await page.getByLabel('Choose file…').setInputFiles(exportFile('host-6-3.reg'));
    await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'not-offered');
    await expect(kbVerdict(page)).toContainText('6.3');
    // A 6.3 host is not one the rollup targets: a note on the host version, not a failure.
    await expect(page.locator('[data-check-id="kb3004908-host-minor"]')).toHaveAttribute(
      'data-status',
      'info',
    );
    await axe();
  });

  test('by dropping a UTF-16 file on the window', async ({ page, axe }) => {
    await page.goto('./');
    const bytes = Array.from(regeditBytes(host63));
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'dropped.reg'));
      return transfer;
    }, bytes);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await expect(page.getByTestId('drop-overlay')).toBeVisible();
    await axe();
    await page.dispatchEvent('body', 'dragover', { dataTransfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await expect(page.getByTestId('drop-overlay')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Report: dropped.reg' })).toBeVisible();
    await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'not-offered');
  });

  test('by pasting its text, which analyses at once', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./');
    await page.evaluate((text) => navigator.clipboard.writeText(text), host63);
    await page.getByLabel('Or paste the text of an export').focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.getByRole('heading', { name: 'Report: pasted text' })).toBeVisible();
    await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'not-offered');
  });

  test('text that is not an export gets a clear message and no report', async ({ page, axe }) => {
    await page.goto('./');
    await page.getByLabel('Or paste the text of an export').fill('hello, world');
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect(page.getByRole('alert')).toContainText('cannot be analysed');
    await expect(kbVerdict(page)).toHaveCount(0);
    await axe();
  });
});

test.describe('samples', () => {
  const expected = {
    healthy: 'not-offered',
    offered: 'offered',
    'host-6-3': 'not-offered',
    'parameters-missing': 'not-offered',
    'host-10-0': 'not-offered',
    'hand-edited': 'not-offered',
  };
  for (const [sample, outcome] of Object.entries(expected)) {
    test(`${sample} loads with one click and gives “${outcome}”`, async ({ page, axe }) => {
      await page.goto('./');
      await page.locator(`button[data-sample="${sample}"]`).click();
      await expect(kbVerdict(page)).toHaveAttribute('data-outcome', outcome);
      await axe();
    });
  }

  test('each can be downloaded as a UTF-16 .reg file', async ({ page }) => {
    await page.goto('./');
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Download the sample “Offered: the 2014 case” as a .reg file' })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('kvp-sample-offered.reg');
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x57, 0x00]);
  });
});

test('several files at once give a fleet row each that opens its report', async ({ page, axe }) => {
  await page.goto('./');
  await page
    .getByLabel('Choose file…')
    .setInputFiles([
      exportFile('offered.reg'),
      exportFile('host-6-3.reg'),
      exportFile('host-10-0.reg'),
    ]);
  const rows = page.locator('tr[data-file]');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('APP01');
  await expect(rows.nth(0).locator('td[data-pack="wu-ic-kb3004908"]')).toHaveText('Offered');
  await expect(rows.nth(1).locator('td[data-pack="wu-ic-kb3004908"]')).toHaveText('Not offered');
  await axe();
  await rows.nth(2).getByRole('button', { name: 'host-10-0.reg', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Report: host-10-0.reg' })).toBeVisible();
  await expect(page.getByTestId('values-parameters')).toContainText('HostingSystemNestedLevel');
});

test('what-if: another host version re-runs the checks at once', async ({ page, axe }) => {
  await page.goto('./');
  await page.locator('button[data-sample="host-6-3"]').click();
  await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'not-offered');
  await expect(page.getByText('The file says 6.1')).toBeVisible();
  await page.getByRole('combobox', { name: 'Host version' }).selectOption('6.4');
  await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'offered');
  await page.getByRole('combobox', { name: 'Guest OS' }).selectOption('6.3');
  await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'not-offered');
  await axe();
});

test('an evidence line opens the source view at that line', async ({ page, axe }) => {
  await page.goto('./');
  await page.locator('button[data-sample="hand-edited"]').click();
  const lineButton = page
    .locator('[data-check-id]')
    .getByRole('button', { name: /^line \d+$/ })
    .first();
  const label = await lineButton.textContent();
  await lineButton.click();
  const line = Number(label?.replace('line ', ''));
  const target = page.locator(`li[id$="-line-${line}"]`);
  await expect(target).toBeFocused();
  await expect(page.locator('.diagnostic').first()).toBeVisible();
  await axe();
});

test('the whole page works from the keyboard', async ({ page }) => {
  await page.goto('./');
  // Tab until the first sample button has the focus, then press Enter.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const sample = await page.evaluate(() => document.activeElement?.getAttribute('data-sample'));
    if (sample === 'offered') break;
  }
  await page.keyboard.press('Enter');
  await expect(kbVerdict(page)).toHaveAttribute('data-outcome', 'offered');
  const hostVersion = page.getByRole('combobox', { name: 'Host version' });
  await hostVersion.focus();
  await page.keyboard.press('ArrowDown');
  await expect(hostVersion).not.toHaveValue('');
});

test.describe('layouts', () => {
  test('usable at 360 px wide: nothing overflows the page sideways', async ({ page, axe }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('./');
    await page.locator('button[data-sample="host-10-0"]').click();
    await expect(kbVerdict(page)).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Evidence: one block per value with each cell named, and still a table to screen readers.
    // (A 10.0 guest is not one the 2014 rollup targets: a note, opened here.)
    const note = page.locator('[data-check-id="kb3004908-guest-os"]');
    await note.locator('summary').click();
    const evidence = note.locator('table').first();
    await expect(evidence.locator('td').first()).toHaveCSS('display', 'block');
    await expect(evidence).toMatchAriaSnapshot(`
      - table "Evidence":
        - rowgroup:
          - row:
            - columnheader "Value"
            - columnheader "Actual"
            - columnheader "Expected"
            - columnheader "Where"
        - rowgroup:
          - row:
            - rowheader "OSMajorVersion"
            - cell /^"10"/
            - cell "6.1 or 6.2 (major.minor)"
            - cell "line 12"
    `);
    await axe();
  });

  test('dark colour scheme passes axe too', async ({ page, axe }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./');
    await page.locator('button[data-sample="hand-edited"]').click();
    await expect(kbVerdict(page)).toBeVisible();
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(background).toBe('rgb(13, 17, 23)');
    await axe();
  });
});

test('registry values are shown as text, never as markup', async ({ page }) => {
  await page.goto('./');
  const hostile =
    'Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]\n"HostName"="<img src=x onerror=window.pwned=1><b>bold</b>"\n';
  await page.getByLabel('Or paste the text of an export').fill(hostile);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByTestId('values-parameters')).toContainText('<img src=x onerror=');
  expect(await page.locator('main img, main b').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
  ).toBeUndefined();
});
