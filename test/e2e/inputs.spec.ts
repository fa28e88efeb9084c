// Every kind of input the readers take, dropped or picked in Chromium: each gives a report (the
// pool files of one guest one report, a collector file one per VM), and input no reader takes a
// message saying what it is.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { collectorText } from '../unit/inputs/helpers.ts';
import { POOL3, poolBytes, tarBytes } from '../unit/inputs/kvp-bytes.ts';
import { utf16leBytes } from '../support/utf16.ts';
import { expect, test } from './fixtures.ts';
import { corpusPath } from '../support/corpus.ts';

const PARAMETERS = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters';
const AUTO = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto';
const corpus = (name: string) => readFileSync(corpusPath('kvp', name));

/** What Windows PowerShell 5.1 writes for `… > file`: UTF-16LE with a BOM, CRLF. */
const powershell = (lines: string[]) =>
  Buffer.from(utf16leBytes(`${lines.join('\r\n')}\r\n`, true));

const file = (name: string, buffer: Buffer | Uint8Array) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(buffer),
});

const kbVerdict = (page: Page) => page.getByTestId('verdict-wu-ic-kb3004908');

/** Drops files on the window, as a person drags them from a file manager. */
async function drop(page: Page, files: { name: string; buffer: Buffer }[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    (list) => {
      const data = new DataTransfer();
      for (const { name, bytes } of list) data.items.add(new File([new Uint8Array(bytes)], name));
      return data;
    },
    files.map(({ name, buffer }) => ({ name, bytes: [...buffer] })),
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

const T = 1764633600;
const CLOUD_INIT: [string, string][] = [
  [
    'PROVISIONING_REPORT',
    'result=error|reason=failed to fetch the ovf-env.xml|agent=Cloud-Init/23.4',
  ],
];

test.describe('each kind of input gives a report', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
  });

  for (const [kind, name, bytes, hostShown] of [
    [
      'reg query output (UTF-16LE)',
      'kvp.txt',
      powershell([
        '',
        PARAMETERS,
        '    HostName    REG_SZ    hv01',
        '    HostingSystemOsMajor    REG_DWORD    0x6',
        '    HostingSystemOsMinor    REG_DWORD    0x4',
        '',
        AUTO,
        '    OSMajorVersion    REG_SZ    6',
        '    OSMinorVersion    REG_SZ    1',
      ]),
      'hv01',
    ],
    [
      'Get-ItemProperty Format-List',
      'kvp-list.txt',
      powershell([
        '',
        'HostName             : hv02',
        'HostingSystemOsMajor : 10',
        'HostingSystemOsMinor : 0',
        `PSPath               : Microsoft.PowerShell.Core\\Registry::${PARAMETERS}`,
        '',
      ]),
      'hv02',
    ],
    [
      'Get-ItemProperty | ConvertTo-Json',
      'kvp.json',
      powershell([
        `{"HostName": "hv03", "HostingSystemOsMajor": 10, "HostingSystemOsMinor": 0, "PSPath": ${JSON.stringify(`Registry::${PARAMETERS}`)}}`,
      ]),
      'hv03',
    ],
    [
      'one Linux pool file',
      '.kvp_pool_3',
      corpus('libhvee__hyperv_test_default.data.kvp_pool_3.bin'),
      'HostName',
    ],
  ] as const) {
    test(kind, async ({ page }) => {
      await drop(page, [file(name, bytes)]);
      await expect(page.getByRole('heading', { name: `Report: ${name}` })).toBeVisible();
      await expect(kbVerdict(page)).toHaveAttribute('data-outcome', /.+/);
      await expect(page.getByTestId('values-parameters')).toContainText(hostShown);
    });
  }

  test('the five pool files of a Linux guest, picked together: one report, records as tables', async ({
    page,
    axe,
  }) => {
    await page
      .getByLabel('Choose file…')
      .setInputFiles([
        file('.kvp_pool_0', new Uint8Array()),
        file('.kvp_pool_1', poolBytes(CLOUD_INIT)),
        file('.kvp_pool_2', new Uint8Array()),
        file('.kvp_pool_3', poolBytes(POOL3)),
        file('.kvp_pool_4', new Uint8Array()),
      ]);
    await expect(
      page.getByRole('heading', { name: 'Report: .kvp_pool_0 and 4 more pool files' }),
    ).toBeVisible();
    await expect(page.locator('tr[data-file]')).toHaveCount(0);
    await expect(page.getByText('Linux pool files ·')).toBeVisible();
    await page.getByText('Source', { exact: true }).click();
    const pool1 = page.getByRole('region', { name: '.kvp_pool_1, pool 1 (Guest)' });
    await expect(pool1).toContainText('PROVISIONING_REPORT');
    await expect(pool1).toContainText('result=error');
    await expect(
      page
        .getByRole('region', { name: '.kvp_pool_3, pool 3 (Guest\\Parameters)' })
        .getByRole('row'),
    ).toHaveCount(17);
    await axe();
  });

  test('a .tar.gz of /var/lib/hyperv', async ({ page }) => {
    const archive = gzipSync(
      tarBytes([
        { name: 'hyperv/.kvp_pool_3', mode: 0o644, mtime: T, data: poolBytes(POOL3) },
        { name: 'hyperv/.kvp_pool_1', mode: 0o644, mtime: T, data: poolBytes(CLOUD_INIT) },
      ]),
    );
    await drop(page, [file('hyperv-kvp.tar.gz', archive)]);
    await expect(page.getByRole('heading', { name: 'Report: hyperv-kvp.tar.gz' })).toBeVisible();
    await expect(page.getByTestId('values-parameters')).toContainText('HV-NODE-01');
  });

  test("the host's items of one VM (CIM-XML)", async ({ page }) => {
    await drop(page, [
      file('items.xml', corpus('host-sflow__GuestIntrinsicExchangeItems.OSVersion.xml')),
    ]);
    await expect(page.getByRole('heading', { name: 'Report: items.xml' })).toBeVisible();
    await expect(page.getByTestId('values-auto')).toContainText('6.2.8064');
  });

  test('a host collector file: one report per VM in the files list', async ({ page, axe }) => {
    const collector = collectorText(
      ['web-01', 'db-02'],
      [
        { name: 'OSMajorVersion', data: '6' },
        { name: 'OSMinorVersion', data: '3' },
      ],
    );
    await drop(page, [file('hosts.json', powershell([collector]))]);
    const rows = page.locator('tr[data-file]');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('db-02');
    await expect(rows.nth(1)).toContainText('HV01 (10.0)');
    await expect(page.getByRole('heading', { name: 'Report: hosts.json — web-01' })).toBeVisible();
    await rows.nth(1).getByRole('button', { name: 'hosts.json — db-02', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Report: hosts.json — db-02' })).toBeVisible();
    await axe();
  });

  test('a tr-flattened pool dump is named as such, with the command that collects the files', async ({
    page,
  }) => {
    await drop(page, [file('dump.txt', corpus('notes-azure-basics__kvp_pool_3.tr-dump.txt'))]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('dump.txt cannot be analysed.');
    await expect(alert).toContainText('This looks like a Linux pool file turned into text');
    await expect(alert).toContainText('sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv');
  });

  test('a link of a pool-file report opens the same report', async ({ page, context }) => {
    await drop(page, [file('.kvp_pool_3', poolBytes(POOL3))]);
    await expect(kbVerdict(page)).toHaveAttribute('data-outcome', /.+/);
    const outcome = await kbVerdict(page).getAttribute('data-outcome');
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this report' });
    const field = dialog.getByLabel(/^Link \(/);
    await expect(field).toHaveValue(/#v2\./);
    const link = await field.inputValue();
    const opened = await context.newPage();
    await opened.goto(link);
    await expect(opened.getByTestId('link-banner')).toBeVisible();
    await expect(kbVerdict(opened)).toHaveAttribute('data-outcome', outcome ?? '');
    await expect(opened.getByTestId('values-parameters')).toContainText('HV-NODE-01');
  });
});
