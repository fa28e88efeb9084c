// Registry Preview's view: every key of the file in a tree with its values and types, rendered
// as it is opened, a hundred at a time; for the large-file reader, the keys it kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { largeExportBytes } from '../support/large-export.ts';
import { expect, test } from './fixtures.ts';

const ROOT = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor';

/** A key of the tree by the end of its path (backslashes escaped for the CSS selector). */
const keyEndingIn = (path: string) => `details[data-path$="${path.replaceAll('\\', '\\\\')}"]`;

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvp-tree-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a whole export can be browsed: keys open level by level, values with their types', async ({
  page,
  axe,
}) => {
  await page.goto('./');
  await page.locator('button[data-sample="host-10-0"]').click();
  const tree = page.getByTestId('registry-tree');
  await expect(tree.getByRole('heading', { name: 'Registry' })).toBeVisible();
  await expect(tree).toContainText('Every key the file holds (5)');
  // The single chain down to Virtual Machine is open; its subkeys are not, nor drawn yet.
  const guest = tree.locator(keyEndingIn('\\Virtual Machine\\Guest'));
  await expect(guest).not.toHaveAttribute('open');
  await expect(tree.locator(keyEndingIn('\\Guest\\Parameters'))).toHaveCount(0);
  await guest.locator('> summary').click();
  const parameters = tree.locator(keyEndingIn('\\Guest\\Parameters'));
  // Guest's only subkey opens with it, as the chain above did.
  await expect(parameters).toHaveAttribute('open');
  const row = parameters.getByRole('row', { name: /HostingSystemOsMajor/ });
  await expect(row).toContainText('REG_DWORD');
  await expect(row).toContainText('0x0000000a (10)');
  await expect(parameters.getByRole('row', { name: /VirtualMachineName/ })).toContainText('SQL07');
  await axe();
  // The keyboard opens keys too.
  const auto = tree.locator(keyEndingIn('\\Virtual Machine\\Auto'));
  await auto.locator('> summary').focus();
  await page.keyboard.press('Enter');
  await expect(auto).toHaveAttribute('open');
  await expect(auto.getByRole('row', { name: /OSName/ })).toContainText('Windows Server 2019');
});

test('a key with thousands of subkeys shows a hundred at a time', async ({ page }) => {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (let i = 0; i < 2_500; i++)
    lines.push(`[${ROOT}\\Item${i}]`, `"Index"=dword:${i.toString(16).padStart(8, '0')}`, '');
  const file = join(dir, 'many-keys.reg');
  writeFileSync(file, lines.join('\r\n'));
  await page.goto('./');
  await page.getByLabel('Choose file…').setInputFiles(file);
  const tree = page.getByTestId('registry-tree');
  await expect(tree).toContainText('Every key the file holds (2,500)');
  const vendor = tree.locator(keyEndingIn(ROOT));
  await expect(vendor).toHaveAttribute('open');
  const items = vendor.locator('> .body > ul > li');
  await expect(items).toHaveCount(100);
  const more = vendor.locator('> .body > [data-testid="show-more"]');
  await expect(more).toHaveText('Showing 100 of 2,500 subkeys. Show 100 more');
  await more.getByRole('button').click();
  await expect(items).toHaveCount(200);
  // Only opened keys are drawn: no value table yet below the Vendor key.
  await expect(vendor.locator('table')).toHaveCount(0);
});

test('for a large export, the tree shows the keys that were read and says so', async ({ page }) => {
  const file = join(dir, 'full-export.reg');
  writeFileSync(file, largeExportBytes(24 * 1024 * 1024, host63));
  await page.goto('./');
  await page.getByLabel('Choose file…').setInputFiles(file);
  const tree = page.getByTestId('registry-tree');
  await expect(tree).toContainText(
    'This large file was read for its KVP keys only, so only the keys that were read are shown',
    { timeout: 60_000 },
  );
  await expect(tree.locator(keyEndingIn('\\Microsoft\\Virtual Machine'))).toHaveCount(1);
  await expect(tree.locator('details[data-path*="CLSID"]')).toHaveCount(0);
});

test('names with invisible characters show them', async ({ page }) => {
  await page.goto('./');
  const text = [
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
    '"Host\u200bName"="HV\u202eHOST"',
    '',
  ].join('\n');
  await page.getByLabel('Or paste the text of an export').fill(text);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const values = page.getByTestId('values-parameters');
  await expect(values.getByRole('rowheader')).toHaveText('Host⟨U+200B⟩Name');
  await expect(values).toContainText('HV⟨U+202E⟩HOST');
});
