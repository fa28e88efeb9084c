import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CheckRow from '../../src/app/CheckRow.svelte';
import type { CheckResult } from '../../src/lib/rules/index.ts';
import { analyzeSample, type SampleId } from './fixtures.ts';
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
    const failed = await check('host-6-3', 'kb3004908-host-minor');
    expect(failed.status).toBe('fail');
    const { container } = render(CheckRow, { check: failed, open: true, onshowline: vi.fn() });
    const row = rowOf(container, 'kb3004908-host-minor');
    expect(row).not.toBeNull();
    expect(row).toHaveAttribute('data-status', 'fail');
    expect(row?.querySelector('summary')).toHaveTextContent(failed.title);
    expect(row).toHaveTextContent(failed.message);
  });

  it('names the pack beside the title, so that two packs’ checks of one thing are told apart', async () => {
    const result = await analyzeSample('host-10-0');
    const labels = ['kb3004908-parameters-present', 'kvp-parameters-present'].map((id) => {
      const found = result.checks.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no check ${id}`);
      const { container } = render(CheckRow, { check: found, open: false, onshowline: vi.fn() });
      const summary = rowOf(container, id)?.querySelector('summary');
      cleanup();
      return [found.title, summary?.textContent?.replace(/\s+/g, ' ').trim()];
    });
    expect(labels[0]?.[0]).toBe(labels[1]?.[0]);
    expect(labels.map(([, text]) => text)).toEqual([
      '✓ Guest\\Parameters key present KB3004908',
      '✓ Guest\\Parameters key present KVP values',
    ]);
  });

  it('is open when told so, and collapsed otherwise', async () => {
    const passed = await check('host-6-3', 'kb3004908-host-major');
    const first = render(CheckRow, { check: passed, open: true, onshowline: vi.fn() });
    expect(rowOf(first.container, passed.id)).toHaveAttribute('open');
    cleanup();
    const second = render(CheckRow, { check: passed, open: false, onshowline: vi.fn() });
    expect(rowOf(second.container, passed.id)).not.toHaveAttribute('open');
  });

  it('shows the fix with a button that copies it', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    const warned = await check('offered', 'kvp-host-version');
    expect(warned.status).toBe('warn');
    const fix = warned.fix;
    expect(fix).toBeTruthy();
    const { container } = render(CheckRow, { check: warned, open: true, onshowline: vi.fn() });
    const row = rowOf(container, warned.id);
    if (!row || !fix) throw new Error('no row or no fix');

    expect(row).toHaveTextContent(`Fix: ${fix}`);
    await user.click(
      within(row).getByRole('button', { name: `Copy the fix for “${warned.title}”` }),
    );
    expect(writeText).toHaveBeenCalledWith(fix);
    expect(within(row).getByRole('status')).toHaveTextContent('Copied');
  });

  it('has no fix and no copy button when the check has no fix', async () => {
    const passed = await check('host-6-3', 'kb3004908-host-major');
    expect(passed.fix).toBeUndefined();
    const { container } = render(CheckRow, { check: passed, open: true, onshowline: vi.fn() });
    expect(container).not.toHaveTextContent('Fix:');
    expect(screen.queryByRole('button', { name: /Copy the fix/ })).not.toBeInTheDocument();
  });

  it('lists the evidence, and a click on its line asks to show it', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const failed = await check('host-6-3', 'kb3004908-host-minor');
    const withLine = failed.evidence.find((item) => item.line !== null);
    expect(withLine).toBeDefined();
    render(CheckRow, { check: failed, open: true, onshowline });

    await user.click(screen.getByRole('button', { name: `line ${withLine?.line}` }));
    expect(onshowline).toHaveBeenCalledWith(withLine?.line, withLine?.source);
  });
});
