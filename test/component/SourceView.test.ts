import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SourceView from '../../src/app/SourceView.svelte';
import { analyze } from '../../src/lib/rules/index.ts';
import type { LoadedGuest } from '../../src/lib/inputs/loaded-guest.ts';
import { loadBytes } from '../../src/lib/inputs/load.ts';
import { REG_HEADER, loadRegText, loadSample } from './fixtures.ts';

/** The lines the failing and warning checks point at, as the report highlights them. */
function evidenceLines(loaded: LoadedGuest): Set<number> {
  return new Set(
    analyze(loaded.snapshot)
      .checks.filter((check) => check.status === 'fail' || check.status === 'warn')
      .flatMap((check) => check.evidence.map((item) => item.line))
      .filter((line): line is number => line !== null),
  );
}

const lineItem = (container: HTMLElement, line: number) =>
  container.querySelector<HTMLLIElement>(`#src-line-${line}`);

function props(loaded: LoadedGuest, overrides: Partial<Record<string, unknown>> = {}) {
  return {
    idPrefix: 'src',
    source: loaded.source,
    diagnostics: loaded.diagnostics,
    highlighted: new Set<number>(),
    partial: loaded.partial,
    open: true,
    ...overrides,
  };
}

describe('SourceView', () => {
  afterEach(() => cleanup());

  it('is collapsed unless opened, and summarises the line and note counts', async () => {
    const loaded = await loadSample('hand-edited');
    const { container } = render(SourceView, props(loaded, { open: false }));
    const details = container.querySelector('details');
    expect(details).not.toHaveAttribute('open');
    expect(container.querySelector('summary')).toHaveTextContent(
      `${loaded.source.length} lines · ${loaded.diagnostics.length} notes from the parser`,
    );
  });

  it('shows every line of the file with its number', async () => {
    const loaded = await loadSample('host-6-3');
    const { container } = render(SourceView, props(loaded));
    const list = screen.getByRole('list', { name: "The file's text" });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(loaded.source.length);
    for (const { line, text } of loaded.source) {
      const item = lineItem(container, line);
      expect(item).not.toBeNull();
      expect(item).toHaveAttribute('value', String(line));
      expect(item?.querySelector('.number')).toHaveTextContent(new RegExp(`^${line}$`));
      expect(item?.querySelector('code')?.textContent).toBe(text);
    }
    expect(lineItem(container, 1)).toHaveTextContent('Windows Registry Editor Version 5.00');
  });

  it('shows each parser note under the line it is about', async () => {
    const loaded = await loadSample('hand-edited');
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    const { container } = render(SourceView, props(loaded));
    for (const diagnostic of loaded.diagnostics) {
      const item = lineItem(container, diagnostic.line);
      expect(item).toHaveTextContent(`${diagnostic.severity}: ${diagnostic.message}`);
    }
    // …and not under other lines.
    const noted = new Set(loaded.diagnostics.map((d) => d.line));
    const quiet = loaded.source.find((l) => !noted.has(l.line));
    if (!quiet) throw new Error('every line has a note');
    expect(lineItem(container, quiet.line)?.querySelector('.diagnostic')).toBeNull();
  });

  it('highlights the lines the failing checks point at', async () => {
    const loaded = await loadSample('hand-edited');
    const highlighted = evidenceLines(loaded);
    const minorLine = loaded.source.find((l) => l.text.startsWith('"hostingsystemosminor"'))?.line;
    expect(minorLine).toBeDefined();
    expect(highlighted.has(minorLine ?? -1)).toBe(true);
    const { container } = render(SourceView, props(loaded, { highlighted }));
    for (const { line } of loaded.source) {
      if (highlighted.has(line)) expect(lineItem(container, line)).toHaveClass('highlighted');
      else expect(lineItem(container, line)).not.toHaveClass('highlighted');
    }
  });

  it('marks a gap between excerpt lines that are not consecutive, and only there', async () => {
    const loaded = await loadSample('host-6-3');
    // An excerpt as for a large file: the header, then the Parameters key block only.
    const start = loaded.source.findIndex((l) => l.text.endsWith('\\Guest\\Parameters]'));
    expect(start).toBeGreaterThan(1);
    const excerpt = [...loaded.source.slice(0, 1), ...loaded.source.slice(start)];
    const { container } = render(
      SourceView,
      props(loaded, { source: excerpt, partial: true, diagnostics: [] }),
    );
    const items = Array.from(container.querySelectorAll('ol.lines > li'));
    const gaps = items.filter((item) => item.classList.contains('gap'));
    expect(gaps).toHaveLength(1);
    // The gap sits between line 1 and the key line, hidden from screen readers.
    expect(items[1]).toBe(gaps[0]);
    expect(gaps[0]).toHaveAttribute('aria-hidden', 'true');
    expect(items[0]?.id).toBe('src-line-1');
    expect(items[2]?.id).toBe(`src-line-${loaded.source[start]?.line}`);
    expect(container.querySelector('summary')).toHaveTextContent(
      'excerpts: only the keys that were read',
    );
  });

  it('has no gap marker when every line is shown', async () => {
    const loaded = await loadSample('host-6-3');
    const { container } = render(SourceView, props(loaded));
    expect(container.querySelector('li.gap')).toBeNull();
  });

  it('lists notes about lines the excerpt does not show above the text', async () => {
    const loaded = await loadSample('hand-edited');
    const first = loaded.diagnostics[0];
    if (!first) throw new Error('no diagnostics');
    const excerpt = loaded.source.filter((l) => l.line !== first.line);
    const { container } = render(SourceView, props(loaded, { source: excerpt, partial: true }));
    expect(container.querySelector('.elsewhere')).toHaveTextContent(
      `line ${first.line}: ${first.message}`,
    );
  });

  it('makes each line focusable by script (for "show line") but not a tab stop', async () => {
    const loaded = await loadSample('host-6-3');
    const { container } = render(SourceView, props(loaded));
    const item = lineItem(container, 5);
    expect(item).toHaveAttribute('tabindex', '-1');
    item?.focus();
    expect(item).toHaveFocus();
  });

  it('says "1 line", not "1 lines", for a one-line file', () => {
    const loaded = loadRegText(REG_HEADER);
    expect(loaded.source).toHaveLength(1);
    const { container } = render(SourceView, props(loaded));
    const summary = container.querySelector('summary');
    expect(summary).toHaveTextContent(/\b1 line\b/);
    expect(summary).not.toHaveTextContent('1 lines');
  });
});

describe('SourceView of other inputs', () => {
  afterEach(() => cleanup());

  /** The pool files of a guest, read by the page's loader. */
  function poolGuest(): LoadedGuest {
    const record = (key: string, value: string) => {
      const bytes = new Uint8Array(2560);
      bytes.set(new TextEncoder().encode(key));
      bytes.set(new TextEncoder().encode(value), 512);
      return bytes;
    };
    const pool3 = new Uint8Array([
      ...record('HostName', 'HV01'),
      ...record('HostingSystemOsMajor', '10'),
    ]);
    const [result] = loadBytes(
      [
        { name: '.kvp_pool_3', bytes: pool3, mtime: Date.UTC(2026, 11, 1) },
        { name: '.kvp_pool_1', bytes: record('PROVISIONING_REPORT', 'result=success') },
      ],
      { source: true },
    );
    if (!result || 'error' in result || !result.guests[0]) throw new Error('not loaded');
    return result.guests[0];
  }

  it('shows each pool file as a table of its records, with its size, time and notes', () => {
    const guest = poolGuest();
    const { container } = render(SourceView, props(guest, { pools: guest.snapshot.linux }));
    expect(container.querySelector('summary')).toHaveTextContent(
      '2 pool files, 3 records · 1 note from the reader',
    );
    const pool3 = screen.getByRole('region', { name: '.kvp_pool_3, pool 3 (Guest\\Parameters)' });
    expect(pool3).toHaveTextContent('5,120 bytes, 2 records, modified 2026-12-01T00:00:00.000Z');
    const rows = within(pool3).getAllByRole('row').slice(1);
    const cells = rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
    expect(cells).toEqual([
      ['1', 'HostName', 'HV01'],
      ['2', 'HostingSystemOsMajor', '10'],
    ]);
    expect(screen.getByRole('region', { name: '.kvp_pool_1, pool 1 (Guest)' })).toHaveTextContent(
      'PROVISIONING_REPORT',
    );
    // The set's notes (pools 0, 2 and 4 missing) are listed above the tables.
    expect(container.querySelector('.elsewhere')).toHaveTextContent('No file for pool 0, 2 and 4');
    expect(screen.queryByRole('list', { name: "The file's text" })).not.toBeInTheDocument();
  });

  it('highlights the records the evidence names, in their own terms', () => {
    const guest = poolGuest();
    const { container } = render(
      SourceView,
      props(guest, {
        pools: guest.snapshot.linux,
        highlightedPlaces: new Set(['record 2 of .kvp_pool_3']),
      }),
    );
    const highlighted = [...container.querySelectorAll('tr.highlighted')];
    expect(highlighted.map((row) => row.id)).toEqual(['src-record-2-of-kvp-pool-3']);
    expect(highlighted[0]).toHaveAttribute('tabindex', '-1');
  });

  it('lists a note about the input as a whole without a line number', () => {
    const loaded = loadRegText(REG_HEADER);
    const { container } = render(
      SourceView,
      props(loaded, {
        diagnostics: [{ line: 0, severity: 'info', message: 'about the whole file' }],
      }),
    );
    expect(container.querySelector('.elsewhere li')?.textContent?.trim()).toBe(
      'about the whole file',
    );
  });
});

describe('SourceView of pool records that hide characters', () => {
  afterEach(() => cleanup());

  it('writes out invisible and control characters of keys and values', () => {
    const record = new Uint8Array(2560);
    record.set(new TextEncoder().encode('Host\u200bName'));
    record.set(new TextEncoder().encode('hv\u001b[2J01'), 512);
    const [result] = loadBytes([{ name: '.kvp_pool_3', bytes: record }]);
    if (!result || 'error' in result || !result.guests[0]) throw new Error('not loaded');
    const guest = result.guests[0];
    render(SourceView, props(guest, { pools: guest.snapshot.linux }));
    const row = screen.getAllByRole('row')[1];
    expect(row).toHaveTextContent('Host⟨U+200B⟩Name');
    expect(row).toHaveTextContent('hv⟨U+001B⟩[2J01');
  });
});
