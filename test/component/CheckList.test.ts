import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CheckList from '../../src/app/CheckList.svelte';
import { analyzeSample } from './fixtures.ts';

/** Headings in the order a reader must see them (failed first and open; passed collapsed). */
const ORDER = [
  ['fail', 'Failed'],
  ['warn', 'Warnings'],
  ['incomplete', 'Could not decide'],
  ['error', 'Could not run'],
  ['info', 'Notes'],
  ['pass', 'Passed'],
  ['not-applicable', 'Not applicable'],
  ['skip', 'Skipped'],
] as const;

const groupsIn = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<HTMLElement>('section[data-group]'));

describe('CheckList', () => {
  afterEach(() => cleanup());

  it('groups the checks Failed → Warnings → … → Passed → Not applicable, with counts', async () => {
    const { checks } = await analyzeSample('hand-edited');
    const { container } = render(CheckList, { checks, onshowline: vi.fn() });

    const present = ORDER.filter(([status]) => checks.some((c) => c.status === status));
    const groups = groupsIn(container);
    expect(groups.map((g) => g.dataset.group)).toEqual(present.map(([status]) => status));
    // This sample has failures, warnings, passes and not-applicable ones.
    expect(groups[0]?.dataset.group).toBe('fail');
    expect(groups[1]?.dataset.group).toBe('warn');
    expect(
      groups
        .map((g) => g.dataset.group)
        .filter((g) => g !== 'skip')
        .slice(-2),
    ).toEqual(['pass', 'not-applicable']);

    for (const [status, heading] of present) {
      const count = checks.filter((c) => c.status === status).length;
      const group = screen.getByRole('region', { name: heading });
      expect(within(group).getByRole('heading', { level: 3 })).toHaveTextContent(
        `${heading} (${count})`,
      );
      expect(group.querySelectorAll(`[data-check-id][data-status="${status}"]`)).toHaveLength(
        count,
      );
    }
  });

  it('shows every check exactly once', async () => {
    const { checks } = await analyzeSample('hand-edited');
    const { container } = render(CheckList, { checks, onshowline: vi.fn() });
    const ids = Array.from(container.querySelectorAll<HTMLElement>('[data-check-id]')).map(
      (row) => row.dataset.checkId,
    );
    expect(ids.sort()).toEqual(checks.map((c) => c.id).sort());
  });

  it('opens failed and warning checks and collapses the passed and not-applicable ones', async () => {
    const { checks } = await analyzeSample('hand-edited');
    const { container } = render(CheckList, { checks, onshowline: vi.fn() });
    const rows = Array.from(container.querySelectorAll<HTMLElement>('[data-check-id]'));
    const byStatus = (status: string) => rows.filter((row) => row.dataset.status === status);
    expect(byStatus('fail').length).toBeGreaterThan(0);
    expect(byStatus('warn').length).toBeGreaterThan(0);
    expect(byStatus('pass').length).toBeGreaterThan(0);
    for (const row of [...byStatus('fail'), ...byStatus('warn')]) {
      expect(row).toHaveAttribute('open');
    }
    for (const row of [...byStatus('pass'), ...byStatus('not-applicable')]) {
      expect(row).not.toHaveAttribute('open');
    }
  });

  it('passes an evidence line click up', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const { checks } = await analyzeSample('hand-edited');
    const failed = checks.find((c) => c.status === 'fail');
    const line = failed?.evidence.find((item) => item.line !== null)?.line;
    expect(line).toBeDefined();
    const { container } = render(CheckList, { checks, onshowline });
    const row = container.querySelector<HTMLElement>(`[data-check-id="${failed?.id}"]`);
    if (!row) throw new Error('no failed row');
    await user.click(within(row).getByRole('button', { name: `line ${line}` }));
    expect(onshowline).toHaveBeenCalledWith(line, `line ${line}`);
  });
});
