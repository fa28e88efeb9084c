import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/app/App.svelte';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { samples } from '../../src/app/samples/index.ts';
import { sampleText } from './fixtures.ts';

const titleOf = (id: string) => {
  const sample = samples.find((candidate) => candidate.id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  return sample.title;
};

describe('App', () => {
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
    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-host-6-3.reg' });

    const summary = screen.getByRole('region', { name: 'Files (2)' });
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
    const summary = screen.getByRole('region', { name: 'Files (2)' });
    await waitFor(() =>
      expect(
        within(summary)
          .getAllByTestId('summary-verdict')
          .map((c) => c.textContent),
      ).toEqual(['Offered', 'Not offered']),
    );
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

    await user.click(screen.getByRole('button', { name: titleOf('parameters-missing') }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-parameters-missing.reg' });
    expect(screen.getByLabelText('Host version')).toHaveValue('');

    const summary = screen.getByRole('region', { name: 'Files (2)' });
    await user.click(within(summary).getByRole('button', { name: 'kvp-sample-host-6-3.reg' }));
    await screen.findByRole('article', { name: 'Report: kvp-sample-host-6-3.reg' });
    expect(screen.getByLabelText('Host version')).toHaveValue('6.4');
    expect(screen.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
      'data-outcome',
      'offered',
    );
  });
});
