import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EvidenceList from '../../src/app/EvidenceList.svelte';
import type { CheckResult } from '../../src/lib/rules/index.ts';
import { analyzeSample, loadSample, type SampleId } from './fixtures.ts';

async function check(sample: SampleId, id: string): Promise<CheckResult> {
  const found = (await analyzeSample(sample)).checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

describe('EvidenceList', () => {
  afterEach(() => cleanup());

  it('shows a row per piece of evidence: value, actual, expected and where', async () => {
    const { evidence } = await check('host-6-3', 'kb3004908-host-minor');
    render(EvidenceList, { evidence, onshowline: vi.fn() });
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(evidence.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(evidence.length);
    evidence.forEach((item, index) => {
      const row = rows[index];
      expect(row).toBeDefined();
      if (!row) return;
      expect(within(row).getByRole('rowheader')).toHaveTextContent(item.name);
      const cells = within(row).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent(item.actual);
      expect(cells[1]).toHaveTextContent(item.expected);
      expect(cells[2]).toHaveTextContent(item.source);
    });
  });

  it('points at the line of HostingSystemOsMinor, and clicking "line N" asks to show that line', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const { evidence } = await check('host-6-3', 'kb3004908-host-minor');
    // The line is where the file says it: found in the decoded text, not taken from the result.
    const loaded = await loadSample('host-6-3');
    const line = loaded.source.find((l) => l.text.startsWith('"HostingSystemOsMinor"'))?.line;
    expect(line).toBeDefined();
    render(EvidenceList, { evidence, onshowline });

    await user.click(screen.getByRole('button', { name: `line ${line}` }));

    expect(onshowline).toHaveBeenCalledTimes(1);
    expect(onshowline).toHaveBeenCalledWith(line, `line ${line}`);
  });

  it('gives evidence that is not in the file as plain text, without a button', async () => {
    const { evidence } = await check('parameters-missing', 'kvp-parameters-present');
    const notInFile = evidence.filter((item) => item.line === null);
    expect(notInFile.length).toBeGreaterThan(0);
    render(EvidenceList, { evidence: notInFile, onshowline: vi.fn() });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    for (const item of notInFile) {
      expect(screen.getByRole('table')).toHaveTextContent(item.source);
    }
  });
});
