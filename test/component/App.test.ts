import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/app/App.svelte';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { samples } from '../../src/app/samples/index.ts';
import { sampleText } from './fixtures.ts';

const titleOf = (id: string) => {
  const sample = samples.find((candidate) => candidate.id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  return sample.title;
};

// Each test draws whole reports in jsdom: slow on a loaded machine, never a measure of speed.
describe('App', { timeout: 20_000 }, () => {
  afterEach(() => cleanup());

  it('starts with the ways to open a file and no report', () => {
    render(App);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('KVP Analyzer');
    expect(screen.getByLabelText('Choose file…')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a report when a sample is clicked', async () => {
    const user = userEvent.setup();
    render(App);

    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));

    const report = await screen.findByRole('article', {
      name: 'Report: kvp-sample-host-6-3.reg',
    });
    expect(within(report).getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
      'data-outcome',
      'not-offered',
    );
    // One file: no files summary.
    expect(screen.queryByRole('region', { name: /^Files/ })).not.toBeInTheDocument();
  });

  it('lists the files when two are open, and switches the report from the list', async () => {
    const user = userEvent.setup();
    render(App);

    await user.click(screen.getByRole('button', { name: titleOf('offered') }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-offered.reg' });
    await user.click(screen.getByRole('button', { name: 'Open another…' }));
    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-host-6-3.reg' });

    const summary = screen.getByRole('region', { name: 'Guests (2)' });
    expect(within(summary).getAllByRole('row')).toHaveLength(3);
    expect(screen.getAllByRole('article')).toHaveLength(1);

    await user.click(within(summary).getByRole('button', { name: 'kvp-sample-offered.reg' }));
    const report = await screen.findByRole('article', { name: 'Report: kvp-sample-offered.reg' });
    expect(within(report).getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
      'data-outcome',
      'offered',
    );
    expect(within(summary).getByRole('button', { name: 'kvp-sample-offered.reg' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  it('folds the input panel to an "Open another…" bar and focuses the report heading', async () => {
    const user = userEvent.setup();
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    render(App);

    await user.click(screen.getByRole('button', { name: titleOf('healthy') }));
    const report = await screen.findByTestId('report');
    const heading = within(report).getByRole('heading', {
      level: 2,
      name: 'Report: kvp-sample-healthy.reg',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(scrolled.mock.contexts).toContain(report);
    // The ways in are folded away; the bar brings them back, focus on the first of them.
    expect(screen.queryByRole('button', { name: titleOf('offered') })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Or paste the text of an export')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open another…' }));
    expect(screen.getByLabelText('Choose file…')).toHaveFocus();
    expect(screen.getByRole('button', { name: titleOf('offered') })).toBeInTheDocument();
    scrolled.mockRestore();
  });

  it('keeps the panel open, with the alert, when what was opened cannot be read', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByLabelText('Or paste the text of an export'));
    await user.paste('not an export');
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Open another…' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Choose file…')).toBeInTheDocument();
  });

  it('offers a skip link that moves the focus to the report once there is one', async () => {
    const user = userEvent.setup();
    render(App);
    const skip = screen.getByRole('link', { name: 'Skip to the main content' });
    await user.click(skip);
    expect(screen.getByRole('main')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Report: kvp-sample-host-6-3.reg',
    });
    await user.click(screen.getByRole('button', { name: 'Open another…' }));
    await user.click(screen.getByRole('link', { name: 'Skip to the report' }));
    expect(heading).toHaveFocus();
  });

  it('opens every closed disclosure of the report for printing, and closes them after', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));
    const report = await screen.findByTestId('report');
    const closed = () =>
      [...report.querySelectorAll('details[data-check-id]')].filter(
        (details) => !(details as HTMLDetailsElement).open,
      );
    const before = closed().length;
    expect(before).toBeGreaterThan(0);
    window.dispatchEvent(new Event('beforeprint'));
    expect(closed()).toHaveLength(0);
    expect(
      screen.getByText(/^KVP Analyzer report of kvp-sample-host-6-3\.reg, /),
    ).toBeInTheDocument();
    window.dispatchEvent(new Event('afterprint'));
    expect(closed()).toHaveLength(before);
  });

  it('shows a clear alert and no report for pasted text that is not a registry export', async () => {
    const user = userEvent.setup();
    render(App);

    await user.click(screen.getByLabelText('Or paste the text of an export'));
    await user.paste('Hello, this is my shopping list.\nMilk\nEggs');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('pasted text cannot be analysed.');
    // …and why, in words.
    expect(alert).toHaveTextContent('not a registry export');
    expect(alert).toHaveTextContent('Windows Registry Editor Version 5.00');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('analyses pasted export text', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByLabelText('Or paste the text of an export'));
    await user.paste(await sampleText('offered'));
    const report = await screen.findByRole('article', { name: 'Report: pasted text' });
    expect(within(report).getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
      'data-outcome',
      'offered',
    );
  });

  it('analyses a chosen .reg file', async () => {
    const user = userEvent.setup();
    render(App);
    const file = new File([regeditBytes(await sampleText('host-10-0')) as BlobPart], 'hv22.reg');
    await user.upload(screen.getByLabelText('Choose file…'), file);
    expect(await screen.findByRole('article', { name: 'Report: hv22.reg' })).toBeInTheDocument();
  });

  it('analyses files dropped on the page', async () => {
    render(App);
    const first = new File([regeditBytes(await sampleText('offered')) as BlobPart], 'a.reg');
    const second = new File([regeditBytes(await sampleText('host-6-3')) as BlobPart], 'b.reg');
    const dataTransfer = { files: [first, second], types: ['Files'] };

    await fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    await fireEvent.drop(window, { dataTransfer });

    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    // The first dropped file is the one shown; both are listed.
    expect(await screen.findByRole('article', { name: 'Report: a.reg' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Guests (2)' });
    await waitFor(() =>
      expect(
        [...summary.querySelectorAll('td[data-pack="wu-ic-kb3004908"]')].map((c) => c.textContent),
      ).toEqual(['Offered', 'Not offered']),
    );
  });

  it('keeps one row for the same file opened twice, and takes rows off again', async () => {
    const user = userEvent.setup();
    render(App);
    const bytes = regeditBytes(await sampleText('offered'));
    const other = regeditBytes(await sampleText('host-6-3'));
    const drop = (files: File[]) =>
      fireEvent.drop(window, { dataTransfer: { files, types: ['Files'] } });

    await drop([new File([bytes as BlobPart], 'a.reg'), new File([other as BlobPart], 'b.reg')]);
    const summary = await screen.findByRole('region', { name: 'Guests (2)' });
    // The same name and bytes again: still two rows, and a.reg's report is the one shown.
    await drop([new File([bytes as BlobPart], 'a.reg')]);
    expect(await screen.findByRole('article', { name: 'Report: a.reg' })).toBeInTheDocument();
    await waitFor(() => expect(within(summary).getAllByRole('row')).toHaveLength(3));
    // The same name with other contents is another guest: a row of its own.
    await drop([new File([other as BlobPart], 'a.reg')]);
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Guests (3)' })).toBeInTheDocument(),
    );

    await user.click(screen.getAllByRole('button', { name: 'Remove a.reg' })[0] as HTMLElement);
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Guests (2)' })).toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.queryByRole('region', { name: /^Guests/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('report')).not.toBeInTheDocument();
    // Nothing open: the ways in are back.
    expect(screen.getByLabelText('Choose file…')).toBeInTheDocument();
  });

  it('re-runs the rules for a what-if, and keeps it when switching between files', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-host-6-3.reg' });

    await user.selectOptions(screen.getByLabelText('Host version'), '6.4');
    expect(screen.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
      'data-outcome',
      'offered',
    );

    await user.click(screen.getByRole('button', { name: 'Open another…' }));
    await user.click(screen.getByRole('button', { name: titleOf('parameters-missing') }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-parameters-missing.reg' });
    expect(screen.getByLabelText('Host version')).toHaveValue('');

    const summary = screen.getByRole('region', { name: 'Guests (2)' });
    await user.click(within(summary).getByRole('button', { name: 'kvp-sample-host-6-3.reg' }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-host-6-3.reg' });
    expect(screen.getByLabelText('Host version')).toHaveValue('6.4');
    expect(screen.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
      'data-outcome',
      'offered',
    );
  });
});
