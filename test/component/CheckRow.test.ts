import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CheckRow from '../../src/app/CheckRow.svelte';
import type { CheckResult } from '../../src/lib/rules/index.ts';
import { analyze } from '../../src/lib/rules/index.ts';
import { buildSnapshot } from '../../src/lib/kvp/snapshot.ts';
import { parseRegText } from '../../src/lib/reg/index.ts';
import { analyzeSample, type SampleId } from './fixtures.ts';

/** A file with host values and no guest OS: the servicing pack cannot decide. */
async function analyzeSnapshotWithoutGuest() {
  return analyze(
    buildSnapshot(
      parseRegText(
        'Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]\r\n"HostingSystemOsMajor"=dword:0000000a\r\n"HostingSystemOsMinor"=dword:00000000\r\n',
      ),
    ),
  );
}
import { stubClipboard } from './clipboard.ts';

async function check(sample: SampleId, id: string): Promise<CheckResult> {
  const found = (await analyzeSample(sample)).checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

const rowOf = (container: HTMLElement, id: string) =>
  container.querySelector<HTMLDetailsElement>(`[data-check-id="${id}"]`);

describe('CheckRow', () => {
  afterEach(() => cleanup());

  it('carries the check id and status, and shows its title and message', async () => {
    const failed = await check('hand-edited', 'kb3004908-host-major');
    expect(failed.status).toBe('fail');
    const { container } = render(CheckRow, { check: failed, open: true, onshowline: vi.fn() });
    const row = rowOf(container, 'kb3004908-host-major');
    expect(row).not.toBeNull();
    expect(row).toHaveAttribute('data-status', 'fail');
    expect(row?.querySelector('summary')).toHaveTextContent(failed.title);
    expect(row).toHaveTextContent(failed.message);
  });

  it('shows a check two packs share once, with both packs’ labels', async () => {
    const result = await analyzeSample('host-10-0');
    const shared = result.checks.filter((candidate) => candidate.id === 'kvp-parameters-present');
    expect(shared).toHaveLength(1);
    const { container } = render(CheckRow, {
      check: shared[0] as CheckResult,
      open: false,
      onshowline: vi.fn(),
    });
    const summary = rowOf(container, 'kvp-parameters-present')?.querySelector('summary');
    expect(summary).toHaveTextContent('Guest\\Parameters key present');
    expect(Array.from(summary?.querySelectorAll('.pack') ?? [], (p) => p.textContent)).toEqual([
      'KVP values',
      'KB3004908',
    ]);
  });

  it('says which What if choice would decide a check the input cannot, and never names a CLI option', async () => {
    const incomplete = (await analyzeSnapshotWithoutGuest()).checks.find(
      (c) => c.id === 'servicing-guest-os',
    );
    expect(incomplete?.status).toBe('incomplete');
    if (!incomplete) throw new Error('no check');
    const { container } = render(CheckRow, { check: incomplete, open: true, onshowline: vi.fn() });
    expect(container).toHaveTextContent(
      'Choose a guest OS under What if… to see the answer for it.',
    );
    expect(container).not.toHaveTextContent(/--guest-os/);
  });

  it('links the Microsoft documentation the check rests on, as plain links', async () => {
    const failed = await check('hand-edited', 'kb3004908-host-major');
    render(CheckRow, { check: failed, open: true, onshowline: vi.fn() });
    const link = screen.getByRole('link', {
      name: /How we determine Windows Update applicability/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://learn.microsoft.com/virtualization/community/team-blog/2014/20141124-integration-components-how-we-determine-windows-update-applicability',
    );
  });

  it('is open when told so, and collapsed otherwise', async () => {
    const passed = await check('host-6-3', 'kb3004908-host-major');
    const first = render(CheckRow, { check: passed, open: true, onshowline: vi.fn() });
    expect(rowOf(first.container, passed.id)).toHaveAttribute('open');
    cleanup();
    const second = render(CheckRow, { check: passed, open: false, onshowline: vi.fn() });
    expect(rowOf(second.container, passed.id)).not.toHaveAttribute('open');
  });

  it('shows the fix: its sentence, then the host’s and the guest’s commands, each copyable', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    const warned = await check('offered', 'kvp-host-version');
    expect(warned.status).toBe('warn');
    const fix = warned.fix;
    if (!fix?.host || !fix.guest) throw new Error('no host and guest fix');
    const { container } = render(CheckRow, { check: warned, open: true, onshowline: vi.fn() });
    const row = rowOf(container, warned.id);
    if (!row) throw new Error('no row');

    expect(row).toHaveTextContent(`Fix: ${fix.summary}`);
    expect(
      within(row).getByText('On the Hyper-V host (PowerShell as administrator):'),
    ).toBeInTheDocument();
    const blocks = row.querySelectorAll('pre code');
    expect(Array.from(blocks, (b) => b.textContent)).toEqual([fix.host, fix.guest]);
    await user.click(
      within(row).getByRole('button', { name: `Copy the host commands for “${warned.title}”` }),
    );
    expect(writeText).toHaveBeenCalledWith(fix.host);
    await user.click(
      within(row).getByRole('button', { name: `Copy the guest commands for “${warned.title}”` }),
    );
    expect(writeText).toHaveBeenLastCalledWith(fix.guest);
  });

  it('has no fix and no copy button when the check has no fix', async () => {
    const passed = await check('host-6-3', 'kb3004908-host-major');
    expect(passed.fix).toBeUndefined();
    const { container } = render(CheckRow, { check: passed, open: true, onshowline: vi.fn() });
    expect(container).not.toHaveTextContent('Fix:');
    expect(
      screen.queryByRole('button', { name: /Copy the (host|guest) commands/ }),
    ).not.toBeInTheDocument();
  });

  it('lists the evidence, and a click on its line asks to show it', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const failed = await check('hand-edited', 'kb3004908-host-major');
    const withLine = failed.evidence.find((item) => item.line !== null);
    expect(withLine).toBeDefined();
    render(CheckRow, { check: failed, open: true, onshowline });

    await user.click(screen.getByRole('button', { name: `line ${withLine?.line}` }));
    expect(onshowline).toHaveBeenCalledWith(withLine?.line, withLine?.source);
  });
});
