// The fleet table in Chromium: several exports, a collector file's VMs and a file that cannot be
// read, one row each; sorting, filtering, removing, clearing; and the downloads, which hold what
// the command line prints for the same files (`analyze --format csv`, `--json`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { collectorText } from '../unit/inputs/helpers.ts';
import { readCsv } from '../support/rfc4180.ts';
import { exportFile, exportsByName, type ExportName } from './exports.ts';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { expect, test } from './fixtures.ts';

const EXPORTS: ExportName[] = ['offered.reg', 'host-6-3.reg', 'host-10-0.reg'];
const COLLECTOR = collectorText(
  ['web-01', 'db-02'],
  [
    { name: 'OSMajorVersion', data: '10' },
    { name: 'OSMinorVersion', data: '0' },
    { name: 'OSBuildNumber', data: '20348' },
  ],
);
const NOTES = 'hello world\n';

const inputs = () => [
  ...EXPORTS.map(exportFile),
  { name: 'hosts.json', mimeType: 'application/json', buffer: Buffer.from(COLLECTOR) },
  { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTES) },
];

/** The same files on disk, analysed by the command line the build wrote. */
function cliOutput(args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvp-fleet-'));
  try {
    for (const name of EXPORTS) writeFileSync(join(dir, name), regeditBytes(exportsByName[name]));
    writeFileSync(join(dir, 'hosts.json'), COLLECTOR);
    writeFileSync(join(dir, 'notes.txt'), NOTES);
    const cli = resolve(process.cwd(), 'dist-cli/kvp-analyzer.js');
    try {
      return execFileSync(
        process.execPath,
        [cli, 'analyze', ...args, ...EXPORTS, 'hosts.json', 'notes.txt'],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
    } catch (error) {
      // Exit 1 and 2 (attention, an unreadable input) still print every record.
      return (error as { stdout: string }).stdout;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Host column sorted Z to A: the row with no host (the unreadable file) stays last. */
const HOSTS_DESCENDING = [
  'HVTP01 (6.4)',
  'HVC-R2-N04 (10.0)',
  'HV01 (10.0)',
  'HV01 (10.0)',
  'HV-NODE3 (6.3)',
  '—',
];

const rows = (page: Page) => page.getByTestId('fleet-table').locator('tbody tr[data-file]');
const hostsShown = (page: Page) =>
  rows(page).evaluateAll((list) =>
    list.map((row) => row.querySelector('td[data-label="Host"]')?.textContent),
  );
const names = (page: Page) =>
  rows(page).evaluateAll((list) => list.map((row) => (row as HTMLElement).dataset.file));

async function saved(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Choose file…').setInputFiles(inputs());
  await expect(rows(page)).toHaveCount(6);
});

test('one row a guest, a cell per pack with its outcome and tone; a row opens its report', async ({
  page,
  axe,
}) => {
  const table = page.getByTestId('fleet-table');
  await expect(page.getByRole('heading', { name: 'Guests (6)' })).toBeVisible();
  await expect(rows(page).nth(3)).toHaveAttribute('data-file', 'hosts.json — web-01');
  await expect(rows(page).nth(4)).toContainText('HV01 (10.0)');
  await expect(rows(page).nth(5)).toContainText('Cannot be read:');
  const kb = table.locator('tr[data-file="offered.reg"] td[data-pack="wu-ic-kb3004908"]');
  await expect(kb).toHaveAttribute('data-outcome', 'offered');
  await expect(kb).toHaveAttribute('data-tone', 'good');
  // The collector's VMs carry the host's own view.
  await expect(
    table.locator('tr[data-file="hosts.json — db-02"] td[data-pack="host-integration"]'),
  ).toHaveAttribute('data-outcome', /.+/);
  await axe();

  await table.locator('tr[data-file="host-10-0.reg"] td[data-label="Host"]').click();
  await expect(page.getByRole('heading', { name: 'Report: host-10-0.reg' })).toBeFocused();
});

test('sorts by any column, both ways, and says so to screen readers', async ({ page }) => {
  const host = page.getByRole('columnheader', { name: 'Host', exact: true });
  await host.getByRole('button').click();
  await expect(host).toHaveAttribute('aria-sort', 'ascending');
  const hosts = () => hostsShown(page);
  // In the language's order (the browser's collation: a hyphen before a digit).
  expect(await hosts()).toEqual([
    'HV-NODE3 (6.3)',
    'HV01 (10.0)',
    'HV01 (10.0)',
    'HVC-R2-N04 (10.0)',
    'HVTP01 (6.4)',
    '—',
  ]);
  await host.getByRole('button').click();
  await expect(host).toHaveAttribute('aria-sort', 'descending');
  // The row with no host (the unreadable file) stays last whichever way; alike rows keep their order.
  expect(await hosts()).toEqual(HOSTS_DESCENDING);
  expect((await names(page)).slice(2, 4)).toEqual(['hosts.json — web-01', 'hosts.json — db-02']);

  const kb = page.getByRole('columnheader', { name: /KB3004908/ });
  await kb.getByRole('button').click();
  await expect(host).not.toHaveAttribute('aria-sort');
  const outcomes = await rows(page).evaluateAll((list) =>
    list.map((row) =>
      row.querySelector('td[data-pack="wu-ic-kb3004908"]')?.getAttribute('data-tone'),
    ),
  );
  // Attention first: neutral before good, then the row without a verdict.
  expect(outcomes.indexOf('good')).toBeGreaterThan(outcomes.lastIndexOf('neutral'));
});

test('filters by outcome, removes a row, clears all', async ({ page, axe }) => {
  const filter = page.getByRole('combobox', { name: 'Show' });
  await filter.selectOption({ label: 'KB3004908: Offered (1)' });
  expect(await names(page)).toEqual(['offered.reg']);
  await expect(page.getByTestId('fleet-counts')).toContainText('Showing 1 of 6');
  await filter.selectOption({ label: 'Could not be read (1)' });
  expect(await names(page)).toEqual(['notes.txt']);
  await axe();
  await filter.selectOption({ label: 'Every guest' });

  await page.getByRole('button', { name: 'Remove host-6-3.reg' }).click();
  await expect(rows(page)).toHaveCount(5);
  expect(await names(page)).not.toContain('host-6-3.reg');
  // The same file again is one row, however often it is opened.
  await page.getByRole('button', { name: 'Open another…' }).click();
  await page.getByLabel('Choose file…').setInputFiles([exportFile('offered.reg')]);
  await expect(page.getByRole('heading', { name: 'Report: offered.reg' })).toBeVisible();
  await expect(rows(page)).toHaveCount(5);

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByTestId('fleet-table')).toHaveCount(0);
  await expect(page.getByTestId('report')).toHaveCount(0);
  await expect(page.getByLabel('Choose file…')).toBeVisible();
});

test('Download CSV holds what analyze --format csv prints for the same files', async ({ page }) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kvp-analyzer-guests-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = await saved(download);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8');
  expect(csv).toBe(cliOutput(['--format', 'csv']));
  const [header, ...body] = readCsv(csv);
  expect(header?.slice(0, 3)).toEqual(['file', 'vm', 'host']);
  expect(body.map((row) => row[0])).toEqual([...EXPORTS, 'hosts.json', 'hosts.json', 'notes.txt']);
});

test('Download JSON holds the array analyze --json prints for the same files', async ({ page }) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('region', { name: 'Guests (6)' })
      .getByRole('button', { name: 'Download JSON' })
      .click(),
  ]);
  const json = (await saved(download)).toString('utf8');
  expect(JSON.parse(json)).toEqual(JSON.parse(cliOutput(['--json'])));
  expect(json).toBe(cliOutput(['--json']));
});

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the table stacks into a labelled block a guest, nothing wider than the screen', async ({
    page,
    axe,
  }) => {
    await expect(rows(page).first().locator('td[data-pack="wu-ic-kb3004908"]')).toBeVisible();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      table:
        document.querySelector('[data-testid="fleet-table"]')?.getBoundingClientRect().right ?? 0,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    expect(widths.table).toBeLessThanOrEqual(widths.inner);
    // A block a row: its cells one under another.
    const [vm, host] = await rows(page)
      .first()
      .locator('td')
      .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.getBoundingClientRect().top));
    expect(host).toBeGreaterThan(vm ?? 0);
    await axe();
  });

  test('sorting is a "Sort by" list, and no hidden heading button takes the focus', async ({
    page,
  }) => {
    const fleet = page.getByRole('region', { name: 'Guests (6)' });
    // File, VM, Host and the packs in use: in the page, out of sight and out of the tab order.
    expect(await fleet.locator('button.sort').count()).toBeGreaterThan(3);
    for (const button of await fleet.locator('button.sort').all())
      await expect(button).toBeHidden();
    await fleet.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Host, Z to A' });
    expect(await hostsShown(page)).toEqual(HOSTS_DESCENDING);
    await expect(page.getByRole('columnheader', { name: 'Host', exact: true })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });
});
