import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FileSummaryList from '../../src/app/FileSummaryList.svelte';
import { FileAnalysis } from '../../src/app/state/file-analysis.svelte.ts';
import { analyzeSample, finishedAnalysis, loadFile, sampleText } from './fixtures.ts';

async function twoFiles(): Promise<FileAnalysis[]> {
  return [
    finishedAnalysis('app01.reg', await sampleText('offered')),
    finishedAnalysis('file02.reg', await sampleText('host-6-3')),
  ];
}

const rowOf = (name: string) => {
  const row = document.querySelector<HTMLElement>(`tr[data-file="${name}"]`);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

const kbOutcome = async (id: 'offered' | 'host-6-3') =>
  (await analyzeSample(id)).verdicts.find((v) => v.pack === 'wu-ic-kb3004908')?.label;

describe('FileSummaryList', () => {
  afterEach(() => cleanup());

  it('shows a row per file with its VM name, host and KB3004908 verdict', async () => {
    const files = await twoFiles();
    render(FileSummaryList, { files, selectedId: files[0]?.id ?? null, onselect: vi.fn() });

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Files (2)');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    // VM and host names as the samples' Guest\Parameters give them.
    const app01 = rowOf('app01.reg');
    const [vm1, host1, verdict1] = within(app01).getAllByRole('cell');
    expect(vm1).toHaveTextContent(/^APP01$/);
    expect(host1).toHaveTextContent('HVTP01 (6.4)');
    expect(verdict1).toHaveTextContent(new RegExp(`^${await kbOutcome('offered')}$`));
    expect(verdict1).toHaveTextContent(/^Offered$/);

    const file02 = rowOf('file02.reg');
    const [vm2, host2, verdict2] = within(file02).getAllByRole('cell');
    expect(vm2).toHaveTextContent(/^FILE02$/);
    expect(host2).toHaveTextContent('HV-NODE3 (6.3)');
    expect(verdict2).toHaveTextContent(/^Not offered$/);
    expect(verdict2).toHaveTextContent(new RegExp(`^${await kbOutcome('host-6-3')}$`));
  });

  it('calls onselect with the file’s id when its name is clicked, and marks the shown one', async () => {
    const user = userEvent.setup();
    const onselect = vi.fn();
    const files = await twoFiles();
    const [first, second] = files;
    if (!first || !second) throw new Error('two files expected');
    render(FileSummaryList, { files, selectedId: first.id, onselect });

    expect(screen.getByRole('button', { name: 'app01.reg' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getByRole('button', { name: 'file02.reg' })).not.toHaveAttribute('aria-current');

    await user.click(screen.getByRole('button', { name: 'file02.reg' }));
    expect(onselect).toHaveBeenCalledTimes(1);
    expect(onselect).toHaveBeenCalledWith(second.id);
  });

  it('says which files are still being read, were cancelled or cannot be read', async () => {
    const reading = new FileAnalysis('huge.reg', 500 * 1024 * 1024);
    reading.progress = 0.25;
    const cancelled = new FileAnalysis('stopped.reg', 400 * 1024 * 1024);
    cancelled.stop();
    const failed = new FileAnalysis('notes.txt', 11);
    failed.finish(loadFile('notes.txt', new TextEncoder().encode('hello world')));
    expect(failed.status).toBe('failed');
    const files = [...(await twoFiles()), reading, cancelled, failed];
    render(FileSummaryList, { files, selectedId: null, onselect: vi.fn() });

    const verdictOf = (name: string) => within(rowOf(name)).getByTestId('summary-verdict');
    expect(verdictOf('huge.reg')).toHaveTextContent('reading… 25 %');
    expect(verdictOf('stopped.reg')).toHaveTextContent('cancelled');
    expect(verdictOf('notes.txt')).toHaveTextContent('cannot be read');
    expect(within(rowOf('notes.txt')).getAllByRole('cell')[0]).toHaveTextContent('—');
  });

  it('gives the host version the file reports, even while a what-if host version is set', async () => {
    const files = await twoFiles();
    const file02 = files[1];
    if (!file02) throw new Error('two files expected');
    // The reader tries "what if this host were 6.4?" in file02's report.
    file02.whatIf = { hostVersion: '6.4' };
    render(FileSummaryList, { files, selectedId: file02.id, onselect: vi.fn() });

    // The file says HostingSystemOsMajor/Minor = 6/3; the Host column states a fact about the file.
    const [, host] = within(rowOf('file02.reg')).getAllByRole('cell');
    expect(host).toHaveTextContent('HV-NODE3 (6.3)');
  });
});
