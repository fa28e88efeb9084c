import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Report from '../../src/app/Report.svelte';
import type { FileAnalysis } from '../../src/app/state/file-analysis.svelte.ts';
import { escapeMarkdown } from '../../src/lib/report/markdown.ts';
import { toAnalyzeJson } from '../../src/lib/rules/index.ts';
import { AUTO_KEY, PARAMETERS_KEY, finishedAnalysis, regText, sampleText } from './fixtures.ts';
import { stubClipboard, stubDownloads } from './clipboard.ts';

const NAME = 'kvp-sample-host-6-3.reg';

async function renderSample(
  name: string,
  sample: Parameters<typeof sampleText>[0],
): Promise<FileAnalysis> {
  const analysis = finishedAnalysis(name, await sampleText(sample));
  const loaded = analysis.loaded;
  if (!loaded) throw new Error(`not loaded: ${analysis.error}`);
  render(Report, { analysis, loaded });
  return analysis;
}

const renderHost63 = () => renderSample(NAME, 'host-6-3');

const kbVerdict = () => screen.getByTestId('verdict-wu-ic-kb3004908');

describe('Report', () => {
  beforeEach(() => {
    // jsdom does not lay out, so it has no scrollIntoView.
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
      value: vi.fn(),
      configurable: true,
      writable: true,
    });
  });

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('is headed by the file name and says how the file was read', async () => {
    await renderHost63();
    const report = screen.getByRole('article', { name: `Report: ${NAME}` });
    expect(report).toHaveTextContent('regedit 5.00, utf-16le · 0 skipped lines, 0 warnings');
  });

  it('gives the 6.3-host sample a not-offered KB3004908 verdict', async () => {
    await renderHost63();
    expect(kbVerdict()).toHaveAttribute('data-outcome', 'not-offered');
    // A 6.3 host is not one the rollup targets: a note, not a failure.
    const minor = document.querySelector('[data-check-id="kb3004908-host-minor"]');
    expect(minor).toHaveAttribute('data-status', 'info');
  });

  it('re-runs the rules at once when the what-if host version becomes 6.4', async () => {
    const user = userEvent.setup();
    const analysis = await renderHost63();

    await user.selectOptions(screen.getByLabelText('Host version'), '6.4');

    expect(analysis.whatIf).toEqual({ hostVersion: '6.4' });
    expect(kbVerdict()).toHaveAttribute('data-outcome', 'offered');
    expect(document.querySelector('[data-check-id="kb3004908-host-minor"]')).toHaveAttribute(
      'data-status',
      'pass',
    );

    await user.selectOptions(screen.getByLabelText('Host version'), '');
    expect(kbVerdict()).toHaveAttribute('data-outcome', 'not-offered');
  });

  it('opens the source at an evidence line and moves the focus there', async () => {
    const user = userEvent.setup();
    // The hand-edited sample fails on its look-alike hostingsystemosminor="3".
    const analysis = await renderSample('hand-edited.reg', 'hand-edited');
    const line = analysis.loaded?.source.find((l) =>
      l.text.startsWith('"hostingsystemosminor"'),
    )?.line;
    expect(line).toBeDefined();
    const source = screen.getByText('Source').closest('details');
    expect(source).not.toHaveAttribute('open');

    const failed = document.querySelector<HTMLElement>('[data-check-id="kb3004908-host-major"]');
    if (!failed) throw new Error('no failed check');
    await user.click(within(failed).getByRole('button', { name: `line ${line}` }));

    expect(source).toHaveAttribute('open');
    const target = document.getElementById(`${analysis.id}-line-${line}`);
    expect(target).toHaveFocus();
    expect(target).toHaveTextContent('"hostingsystemosminor"="3"');
    expect(target).toHaveClass('highlighted');
  });

  it('opens the source at a value’s line from the values table', async () => {
    const user = userEvent.setup();
    const analysis = await renderHost63();
    const value = analysis.loaded?.snapshot.parameters.values.find(
      (v) => v.name === 'VirtualMachineName',
    );
    if (!value) throw new Error('no VirtualMachineName');
    const row = within(screen.getByTestId('values-parameters')).getByRole('row', {
      name: /VirtualMachineName/,
    });
    await user.click(within(row).getByRole('button', { name: String(value.line) }));
    expect(document.getElementById(`${analysis.id}-line-${value.line}`)).toHaveFocus();
  });

  it('copies Markdown that contains the verdict, as it stands after a what-if', async () => {
    const user = userEvent.setup();
    await renderHost63();
    const writeText = stubClipboard();

    await user.click(screen.getByRole('button', { name: 'Copy as Markdown: the whole report' }));
    const before = writeText.mock.calls[0]?.[0] ?? '';
    expect(before).toContain(`# KVP Analyzer report — ${escapeMarkdown(NAME)}`);
    expect(before).toMatch(/KB3004908.*: Not offered/);

    await user.selectOptions(screen.getByLabelText('Host version'), '6.4');
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown: the whole report' }));
    const after = writeText.mock.calls[1]?.[0] ?? '';
    expect(after).toMatch(/KB3004908.*: Offered/);
  });

  it('downloads JSON equal to toAnalyzeJson(result)', async () => {
    const user = userEvent.setup();
    const { blobs, downloads } = stubDownloads();
    const analysis = await renderHost63();

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));

    expect(downloads).toEqual(['kvp-sample-host-6-3.kvp-analysis.json']);
    const blob = blobs[0];
    if (!blob || !analysis.result) throw new Error('no blob or no result');
    const parsed: unknown = JSON.parse(await blob.text());
    expect(parsed).toEqual(JSON.parse(JSON.stringify(toAnalyzeJson(analysis.result))));
    expect(JSON.stringify(parsed)).toContain('"outcome":"not-offered"');
  });

  it('shows the host and guest values', async () => {
    await renderHost63();
    expect(within(screen.getByTestId('values-parameters')).getByText('FILE02')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('values-auto')).getByText('Windows Server 2008 R2 Standard'),
    ).toBeInTheDocument();
  });

  it('shows registry text that looks like HTML as text everywhere: values, checks, evidence, source', async () => {
    const hostile = regText([
      `[${AUTO_KEY}]`,
      '"OSName"="<b>bold</b>"',
      '"OSVersion"="6.1.7601"',
      '',
      `[${PARAMETERS_KEY}]`,
      '"PhysicalHostName"="<b>bold</b>"',
      '"VirtualMachineName"="<img src=x onerror=alert(1)>"',
      '"VirtualMachineId"="<img src=x onerror=alert(1)>"',
      '"HostingSystemOsMajor"="<script>alert(2)</script>"',
      '"HostingSystemOsMinor"="3"',
    ]);
    const name = '<img src=x onerror=alert(3)>.reg';
    const analysis = finishedAnalysis(name, hostile);
    const loaded = analysis.loaded;
    if (!loaded || !analysis.result) throw new Error(`not loaded: ${analysis.error}`);
    // The rules do look at these values, so they reach the checks' evidence too.
    const evidence = analysis.result.checks.flatMap((check) => check.evidence);
    expect(evidence.some((item) => item.actual.includes('<img'))).toBe(true);
    const { container } = render(Report, { analysis, loaded });

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: `Report: ${name}` })).toBeInTheDocument();
    expect(container).toHaveTextContent('"VirtualMachineId"="<img src=x onerror=alert(1)>"');
    expect(
      within(screen.getByTestId('values-parameters')).getAllByText('<b>bold</b>'),
    ).toHaveLength(1);
  });
});
