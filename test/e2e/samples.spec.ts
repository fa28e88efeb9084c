// The samples of today's platforms and inputs, opened with one click in Chromium: each report
// shows the verdict the sample is there for, as its banner labels it; the collector sample gives
// a report per VM; the Linux one shows why provisioning failed, in the words cloud-init used.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const banner = (page: Page, pack: string) => page.getByTestId(`verdict-${pack}`);

async function openSample(page: Page, id: string): Promise<void> {
  await page.goto('./');
  await page.locator(`button[data-sample="${id}"]`).click();
  await expect(page.getByTestId('report')).toBeVisible();
}

for (const [id, pack, outcome, label] of [
  ['azure', 'host-platform', 'azure', 'Azure'],
  ['azure-local', 'host-platform', 'azure-local', 'Azure Local'],
  ['nested', 'nesting', 'nested', 'Nested'],
  ['linux-provisioning-failed', 'azure-provisioning', 'failed', 'Failed'],
  ['linux-provisioning-failed', 'linux-kvp', 'healthy', 'Healthy'],
] as const) {
  test(`sample ${id}: ${pack} says “${label}”`, async ({ page, axe }) => {
    await openSample(page, id);
    await expect(banner(page, pack)).toHaveAttribute('data-outcome', outcome);
    await expect(banner(page, pack).locator('.outcome')).toHaveText(label);
    await axe();
  });
}

test('the Linux sample opens as one report of its archive, with the failure’s reason as text', async ({
  page,
}) => {
  await openSample(page, 'linux-provisioning-failed');
  await expect(
    page.getByRole('heading', { name: 'Report: kvp-sample-linux-provisioning-failed.tgz' }),
  ).toBeVisible();
  const reason = banner(page, 'azure-provisioning').locator('.reason');
  await expect(reason).toContainText('failure to obtain DHCP lease');
  await expect(reason).toContainText('https://aka.ms/linuxprovisioningerror');
  // The host's values came from pool 3.
  await expect(page.getByTestId('values-parameters')).toContainText('DB5AA0603140712');
});

test('the host collector sample gives a row and a report per VM, each with its host view', async ({
  page,
  axe,
}) => {
  await openSample(page, 'host-collector');
  const rows = page.locator('tr[data-file]');
  await expect(rows).toHaveCount(3);
  const vms = [
    ['WEB-FRONT01', 'healthy', 'Healthy'],
    ['SQL-BI02', 'data-exchange-off', 'Data Exchange off'],
    ['FILE-OLD03', 'out-of-date', 'Integration services out of date'],
  ] as const;
  for (const [i, [vm, outcome, label]] of vms.entries()) {
    await expect(rows.nth(i)).toContainText(vm);
    await rows
      .nth(i)
      .getByRole('button', { name: `kvp-sample-host-collector.json — ${vm}`, exact: true })
      .click();
    // The fleet table's cell says the same as the report's banner.
    await expect(rows.nth(i).locator('td[data-pack="host-integration"]')).toHaveAttribute(
      'data-outcome',
      outcome,
    );
    await expect(
      page.getByRole('heading', { name: `Report: kvp-sample-host-collector.json — ${vm}` }),
    ).toBeVisible();
    await expect(banner(page, 'host-integration')).toHaveAttribute('data-outcome', outcome);
    await expect(banner(page, 'host-integration').locator('.outcome')).toHaveText(label);
  }
  await axe();
});

test('a non-.reg sample downloads as its own file, the bytes the page opens', async ({ page }) => {
  await page.goto('./');
  for (const [title, name, magic] of [
    ['Linux guest, provisioning failed', 'kvp-sample-linux-provisioning-failed.tgz', [0x1f, 0x8b]],
    ['Hyper-V host, three VMs', 'kvp-sample-host-collector.json', [0x7b, 0x0d]],
  ] as const) {
    const download = page.waitForEvent('download');
    const extension = name.slice(name.lastIndexOf('.'));
    await page
      .getByRole('button', { name: `Download the sample “${title}” as a ${extension} file` })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(name);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    expect([...Buffer.concat(chunks).subarray(0, 2)]).toEqual(magic);
  }
});
