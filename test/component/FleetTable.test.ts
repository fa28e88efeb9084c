import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FleetTable from '../../src/app/FleetTable.svelte';
import { FileAnalysis } from '../../src/app/state/file-analysis.svelte.ts';
import { RULE_PACKS } from '../../src/lib/rules/index.ts';
import { readCsv } from '../support/rfc4180.ts';
import { finishedAnalysis, loadFile, sampleText } from './fixtures.ts';

async function threeFiles(): Promise<FileAnalysis[]> {
  return [
    finishedAnalysis('app01.reg', await sampleText('offered')),
    finishedAnalysis('file02.reg', await sampleText('host-6-3')),
    finishedAnalysis('web03.reg', await sampleText('parameters-missing')),
  ];
}

const rowOf = (name: string) => {
  const row = document.querySelector<HTMLElement>(`tr[data-file="${name}"]`);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

const shownNames = () =>
  [...document.querySelectorAll<HTMLElement>('tbody tr[data-file]')].map((row) => row.dataset.file);

function verdictOf(file: FileAnalysis, pack: string) {
  const verdict = file.result?.verdicts.find((candidate) => candidate.pack === pack);
  if (!verdict) throw new Error(`${file.name} has no ${pack} verdict`);
  return verdict;
}

function props(files: FileAnalysis[], selectedId: string | null = null) {
  return { files, selectedId, onselect: vi.fn(), onremove: vi.fn(), onclear: vi.fn() };
}

/** The text of every file the table saved, through the object URLs it made. */
function savedFiles() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('FleetTable', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows a row per report with its VM, host and a cell per pack carrying the verdict', async () => {
    const files = await threeFiles();
    render(FleetTable, props(files));

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Guests (3)');
    const table = screen.getByTestId('fleet-table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    const app01 = rowOf('app01.reg');
    expect(within(app01).getByRole('cell', { name: /^APP01$/ })).toBeInTheDocument();
    expect(within(app01).getByRole('cell', { name: 'HVTP01 (6.4)' })).toBeInTheDocument();
    const file02 = rowOf('file02.reg');
    expect(within(file02).getByRole('cell', { name: 'HV-NODE3 (6.3)' })).toBeInTheDocument();

    for (const file of files) {
      for (const cell of rowOf(file.name).querySelectorAll<HTMLElement>('td[data-pack]')) {
        const verdict = verdictOf(file, cell.dataset.pack ?? '');
        expect(cell.dataset.outcome).toBe(verdict.outcome);
        expect(cell.dataset.tone).toBe(verdict.tone);
        expect(cell).toHaveTextContent(verdict.label);
      }
    }
    const kb = rowOf('app01.reg').querySelector('td[data-pack="wu-ic-kb3004908"]');
    expect(kb).toHaveAttribute('data-outcome', 'offered');
    expect(rowOf('file02.reg').querySelector('td[data-pack="wu-ic-kb3004908"]')).toHaveAttribute(
      'data-outcome',
      'not-offered',
    );
  });

  it('leaves out the packs that apply to none of the guests, and says which', async () => {
    render(FleetTable, props(await threeFiles()));

    // Three Windows exports: nothing for the Linux packs or the host's own view.
    const headings = screen
      .getAllByRole('columnheader')
      .map((cell) => cell.querySelector('.narrow-heading')?.textContent?.trim());
    expect(headings).not.toContain('Linux KVP');
    expect(headings).not.toContain('Provisioning');
    expect(headings).toContain('KB3004908');
    expect(document.querySelector('td[data-pack="linux-kvp"]')).toBeNull();
    expect(
      screen.getByText(/^Not shown, as they apply to none of these guests:/),
    ).toHaveTextContent('Host view, Linux KVP, Provisioning');
  });

  it('sorts by a column when its heading is clicked, and the other way on a second click', async () => {
    const user = userEvent.setup();
    render(FleetTable, props(await threeFiles()));
    expect(shownNames()).toEqual(['app01.reg', 'file02.reg', 'web03.reg']);

    const vmHeading = screen.getByRole('columnheader', { name: /VM name/ });
    await user.click(within(vmHeading).getByRole('button'));
    expect(vmHeading).toHaveAttribute('aria-sort', 'ascending');
    // web03 has no Guest\Parameters, so no VM name: names first, the blank last.
    expect(shownNames()).toEqual(['app01.reg', 'file02.reg', 'web03.reg']);
    await user.click(within(vmHeading).getByRole('button'));
    expect(vmHeading).toHaveAttribute('aria-sort', 'descending');
    // The blank stays last whichever the direction.
    expect(shownNames()).toEqual(['file02.reg', 'app01.reg', 'web03.reg']);

    // A pack's column sorts what needs attention first.
    const integrity = screen.getByRole('columnheader', { name: /KVP values/ });
    await user.click(within(integrity).getByRole('button'));
    expect(vmHeading).not.toHaveAttribute('aria-sort');
    expect(integrity).toHaveAttribute('aria-sort', 'ascending');
    expect(shownNames()[0]).toBe('web03.reg');
    expect(rowOf('web03.reg').querySelector('td[data-pack="kvp-integrity"]')).toHaveAttribute(
      'data-tone',
      'attention',
    );
  });

  it('filters by an outcome, counts what it shows, and goes back to every guest', async () => {
    const user = userEvent.setup();
    render(FleetTable, props(await threeFiles()));

    const filter = screen.getByRole('combobox', { name: 'Show' });
    await user.selectOptions(
      filter,
      screen.getByRole('option', { name: 'KB3004908: Offered (1)' }),
    );
    expect(shownNames()).toEqual(['app01.reg']);
    expect(screen.getByTestId('fleet-counts')).toHaveTextContent(/^Showing 1 of 3/);

    await user.selectOptions(filter, screen.getByRole('option', { name: /^Needing attention/ }));
    expect(shownNames()).toContain('web03.reg');
    for (const name of shownNames()) {
      expect(
        rowOf(name ?? '').querySelector('td[data-tone="attention"], td[data-tone="bad"]'),
      ).not.toBeNull();
    }

    await user.selectOptions(filter, 'Every guest');
    expect(shownNames()).toHaveLength(3);
    expect(screen.getByTestId('fleet-counts')).toHaveTextContent(/^3 guests/);
  });

  it('removes a row, clears all, and opens a report from its row', async () => {
    const user = userEvent.setup();
    const files = await threeFiles();
    const [, second, third] = files;
    if (!second || !third) throw new Error('three files expected');
    const given = props(files);
    render(FleetTable, given);

    await user.click(screen.getByRole('button', { name: 'Remove file02.reg' }));
    expect(given.onremove).toHaveBeenCalledWith(second.id);
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(given.onclear).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'file02.reg' }));
    expect(given.onselect).toHaveBeenLastCalledWith(second.id);
    // Anywhere on the row, for the mouse.
    const host = rowOf('web03.reg').querySelector('td[data-label="Host"]');
    if (!host) throw new Error('no Host cell');
    await user.click(host);
    expect(given.onselect).toHaveBeenLastCalledWith(third.id);
    expect(given.onremove).toHaveBeenCalledTimes(1);
  });

  it('says which reports are still being read, were cancelled or cannot be read', async () => {
    const reading = new FileAnalysis('huge.reg', 500 * 1024 * 1024);
    reading.progress = 0.25;
    const cancelled = new FileAnalysis('stopped.reg', 400 * 1024 * 1024);
    cancelled.stop();
    const failed = new FileAnalysis('notes.txt', 11);
    failed.finish(loadFile('notes.txt', new TextEncoder().encode('hello world')));
    expect(failed.status).toBe('failed');
    render(FleetTable, props([...(await threeFiles()), reading, cancelled, failed]));

    expect(rowOf('huge.reg')).toHaveTextContent('Reading… 25 %');
    expect(rowOf('stopped.reg')).toHaveTextContent('Reading was cancelled');
    expect(rowOf('notes.txt')).toHaveTextContent(`Cannot be read: ${failed.error ?? ''}`);
    expect(rowOf('notes.txt').querySelector('td[data-pack]')).toBeNull();
    expect(screen.getByTestId('fleet-counts')).toHaveTextContent('2 could not be read');
  });

  it('downloads the guests shown as CSV: a header, a row each, every pack’s outcome', async () => {
    const user = userEvent.setup();
    const failed = new FileAnalysis('notes.txt', 11);
    failed.finish(loadFile('notes.txt', new TextEncoder().encode('hello world')));
    const files = [...(await threeFiles()), failed];
    render(FleetTable, props(files));
    const saved = savedFiles();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(saved.names).toEqual([
      expect.stringMatching(/^kvp-analyzer-guests-\d{4}-\d\d-\d\d\.csv$/),
    ]);
    const bytes = new Uint8Array((await saved.blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    // UTF-8 with a byte-order mark (which Blob.text() drops), for Excel.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv((await saved.blobs[0]?.text()) ?? '');
    expect(header).toEqual(['file', 'vm', 'host', ...RULE_PACKS.map((pack) => pack.id), 'error']);
    expect(rows.map((row) => row[0])).toEqual([
      'app01.reg',
      'file02.reg',
      'web03.reg',
      'notes.txt',
    ]);
    for (const [index, file] of files.slice(0, 3).entries()) {
      const row = rows[index] ?? [];
      RULE_PACKS.forEach((pack, at) => expect(row[3 + at]).toBe(verdictOf(file, pack.id).outcome));
      expect(row.at(-1)).toBe('');
    }
    expect(rows[0]?.slice(1, 3)).toEqual(['APP01', 'HVTP01']);
    expect(rows[3]?.at(-1)).toBe(failed.error);

    // Filtered, the download holds what is shown.
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Show' }),
      screen.getByRole('option', { name: 'KB3004908: Offered (1)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    const [, ...filtered] = readCsv((await saved.blobs[1]?.text()) ?? '');
    expect(filtered.map((row) => row[0])).toEqual(['app01.reg']);
  });

  it('downloads the same records as JSON, as the command line prints an array of them', async () => {
    const user = userEvent.setup();
    const files = await threeFiles();
    render(FleetTable, props(files));
    const saved = savedFiles();

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(saved.names[0]).toMatch(/^kvp-analyzer-guests-\d{4}-\d\d-\d\d\.json$/);
    const text = (await saved.blobs[0]?.text()) ?? '';
    // One record a line, as `analyze --json` writes several.
    expect(text.split('\n')).toHaveLength(files.length + 3);
    const records = JSON.parse(text) as {
      file: string;
      vm?: string;
      host?: string;
      verdicts: { pack: string; outcome: string }[];
    }[];
    expect(records.map((record) => record.file)).toEqual(files.map((file) => file.name));
    expect(records[1]).toMatchObject({ vm: 'FILE02', host: 'HV-NODE3' });
    for (const [index, file] of files.entries()) {
      expect(records[index]?.verdicts.map((v) => [v.pack, v.outcome])).toEqual(
        file.result?.verdicts.map((v) => [v.pack, v.outcome]),
      );
    }
  });

  it('gives the host version the file reports, even while a what-if host version is set', async () => {
    const files = await threeFiles();
    const file02 = files[1];
    if (!file02) throw new Error('three files expected');
    file02.whatIf = { hostVersion: '6.4' };
    render(FleetTable, props(files, file02.id));

    // The file says HostingSystemOsMajor/Minor = 6/3; the Host column states a fact about the file.
    expect(within(rowOf('file02.reg')).getByRole('cell', { name: 'HV-NODE3 (6.3)' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'file02.reg' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });
});
