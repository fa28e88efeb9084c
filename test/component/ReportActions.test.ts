import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ReportActions from '../../src/app/ReportActions.svelte';
import { notApplicable, toAnalyzeJson } from '../../src/lib/rules/index.ts';
import { toMarkdown } from '../../src/lib/report/markdown.ts';
import { analyzeSample } from './fixtures.ts';
import { stubClipboard, stubDownloads } from './clipboard.ts';

describe('ReportActions', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('copies the report as Markdown', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    const result = await analyzeSample('hand-edited');
    render(ReportActions, { result, fileName: 'win8.reg' });

    await user.click(screen.getByRole('button', { name: 'Copy as Markdown: the whole report' }));

    expect(writeText).toHaveBeenCalledTimes(1);
    const markdown = writeText.mock.calls[0]?.[0] ?? '';
    expect(markdown).toBe(toMarkdown(result, 'win8.reg'));
    expect(markdown.startsWith('# KVP Analyzer report — win8.reg')).toBe(true);
    const applicable = result.verdicts.filter((verdict) => !notApplicable(verdict));
    expect(applicable.length).toBeGreaterThan(0);
    for (const verdict of applicable) expect(markdown).toContain(`: ${verdict.label} — `);
  });

  it('downloads the analysis as <name>.kvp-analysis.json, equal to toAnalyzeJson', async () => {
    const user = userEvent.setup();
    const { blobs, downloads } = stubDownloads();
    const result = await analyzeSample('hand-edited');
    render(ReportActions, { result, fileName: 'win8.reg' });

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));

    expect(downloads).toEqual(['win8.kvp-analysis.json']);
    const blob = blobs[0];
    if (!blob) throw new Error('no blob');
    expect(blob.type).toBe('application/json');
    const parsed: unknown = JSON.parse(await blob.text());
    expect(parsed).toEqual(JSON.parse(JSON.stringify(toAnalyzeJson(result))));
  });

  it('has buttons whose accessible names contain their visible labels (WCAG 2.5.3)', async () => {
    const result = await analyzeSample('host-6-3');
    render(ReportActions, { result, fileName: 'file02.reg' });
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(3);
    for (const button of buttons) {
      const visible = (button.textContent ?? '').trim();
      const name = button.getAttribute('aria-label') ?? visible;
      expect(visible).not.toBe('');
      // Speech users say what they see: "click Copy as Markdown".
      expect(name.toLowerCase()).toContain(visible.toLowerCase());
    }
  });
});
