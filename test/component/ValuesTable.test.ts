import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ValuesTable from '../../src/app/ValuesTable.svelte';
import { AUTO_KEY, PARAMETERS_KEY, loadRegText, loadSample, regText } from './fixtures.ts';

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

/** A hostile export: registry values are text typed by anyone who can edit the guest's registry. */
const HOSTILE = regText([
  `[${PARAMETERS_KEY}]`,
  '"VirtualMachineName"="<img src=x onerror=alert(1)>"',
  '"HostName"="<b>bold</b>"',
  '"<b>bold</b>"="<script>alert(2)</script>"',
  '"HostingSystemOsMajor"=dword:00000006',
  '"HostingSystemOsMinor"=dword:00000004',
  '"Blob"=hex:01,02,ff',
]);

describe('ValuesTable', () => {
  afterEach(() => cleanup());

  it('shows a row per value with name, type, data, meaning and line', async () => {
    const loaded = await loadSample('host-6-3');
    const facts = loaded.snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });

    const table = screen.getByRole('table', { name: `Values of ${facts.path}` });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Type', 'Data', 'Meaning', 'Line']);
    const rows = bodyRows(table);
    expect(facts.values.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(facts.values.length);
    for (const [index, value] of facts.values.entries()) {
      const row = rows[index];
      if (!row) throw new Error(`no row ${index}`);
      expect(within(row).getByRole('rowheader')).toHaveTextContent(value.name);
      const [type, data, meaning, line] = within(row).getAllByRole('cell');
      expect(type).toHaveTextContent(value.typeName);
      expect(data).toHaveTextContent(String(value.data));
      expect(meaning?.textContent?.trim()).not.toBe('');
      expect(meaning).not.toHaveTextContent('Unknown value');
      expect(line).toHaveTextContent(String(value.line));
      // The line is the one the value is on in the decoded text.
      expect(loaded.source.find((l) => l.line === value.line)?.text).toContain(`"${value.name}"`);
    }
  });

  it('explains the host version pair in words', async () => {
    const facts = (await loadSample('host-6-3')).snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });
    const row = screen.getByRole('row', { name: /HostingSystemOsMinor/ });
    expect(row).toHaveTextContent('Windows Server 2012 R2');
  });

  it('marks values that are not in the catalogue as "Unknown value"', async () => {
    const facts = (await loadSample('hand-edited')).snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });
    // The blog post's misspelling: Windows reads HostingSystemOsMajor, not HostSystemOSMajor.
    expect(screen.getByRole('row', { name: /HostSystemOSMajor/ })).toHaveTextContent(
      'Unknown value',
    );
    expect(screen.getByRole('row', { name: /VirtualMachineName/ })).not.toHaveTextContent(
      'Unknown value',
    );
  });

  it('asks to show a value’s line when its line number is clicked', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const facts = (await loadSample('host-6-3')).snapshot.parameters;
    const value = facts.values.find((v) => v.name === 'HostingSystemOsMinor');
    if (!value) throw new Error('no HostingSystemOsMinor');
    render(ValuesTable, { key: 'Parameters', facts, onshowline });

    const row = screen.getByRole('row', { name: /HostingSystemOsMinor/ });
    await user.click(within(row).getByRole('button', { name: String(value.line) }));
    expect(onshowline).toHaveBeenCalledWith(value.line, String(value.line));
  });

  it('says so when the file has no Parameters key', async () => {
    const facts = (await loadSample('parameters-missing')).snapshot.parameters;
    expect(facts.state).toBe('absent');
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByTestId('values-parameters')).toHaveTextContent(
      `The file has no ${facts.path} key.`,
    );
  });

  it('says so when the file deletes the key, with a link to the line', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const text = regText([`[-${PARAMETERS_KEY}]`]);
    const loaded = loadRegText(text);
    const facts = loaded.snapshot.parameters;
    const line = loaded.source.find((l) => l.text.startsWith('[-'))?.line;
    expect(line).toBe(3);
    render(ValuesTable, { key: 'Parameters', facts, onshowline });

    const values = screen.getByTestId('values-parameters');
    expect(values).toHaveTextContent(`The file deletes ${PARAMETERS_KEY} (line ${line}).`);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(within(values).getByRole('button', { name: `line ${line}` }));
    expect(onshowline).toHaveBeenCalledWith(line, `line ${line}`);
  });

  it('says so when the key is there without values', () => {
    const facts = loadRegText(regText([`[${AUTO_KEY}]`])).snapshot.auto;
    render(ValuesTable, { key: 'Auto', facts, onshowline: vi.fn() });
    expect(screen.getByTestId('values-auto')).toHaveTextContent(
      `The key ${AUTO_KEY} is there but holds no values.`,
    );
  });

  it('lists the values the file deletes, with their line', async () => {
    const user = userEvent.setup();
    const onshowline = vi.fn();
    const facts = loadRegText(
      regText([`[${PARAMETERS_KEY}]`, '"HostName"="HV01"', '"HostingSystemOsMinor"=-']),
    ).snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline });
    const row = screen.getByRole('row', { name: /HostingSystemOsMinor/ });
    expect(row).toHaveTextContent('Deleted by the file ("HostingSystemOsMinor"=-)');
    await user.click(within(row).getByRole('button', { name: '5' }));
    expect(onshowline).toHaveBeenCalledWith(5, '5');
  });

  it('shows values that look like HTML as literal text, never as markup', () => {
    const facts = loadRegText(HOSTILE).snapshot.parameters;
    const { container } = render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    const table = screen.getByRole('table');
    expect(within(table).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(within(table).getByText('<script>alert(2)</script>')).toBeInTheDocument();
    // "<b>bold</b>" is both a value's data and another value's name.
    expect(within(table).getAllByText('<b>bold</b>')).toHaveLength(2);
  });

  it('shows DWORDs as numbers and binary data as hex bytes', () => {
    const facts = loadRegText(HOSTILE).snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });
    const major = screen.getByRole('row', { name: /HostingSystemOsMajor/ });
    expect(major).toHaveTextContent('REG_DWORD');
    expect(within(major).getAllByRole('cell')[1]).toHaveTextContent(/^6$/);
    const blob = screen.getByRole('row', { name: /Blob/ });
    expect(blob).toHaveTextContent('REG_BINARY');
    expect(within(blob).getAllByRole('cell')[1]).toHaveTextContent('01,02,ff');
  });

  it('names the default value "(Default)"', () => {
    const facts = loadRegText(regText([`[${AUTO_KEY}]`, '@="guest default"'])).snapshot.auto;
    render(ValuesTable, { key: 'Auto', facts, onshowline: vi.fn() });
    const row = screen.getByRole('row', { name: /guest default/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('(Default)');
  });

  it(
    'draws 200 rows and a "Show … more" that draws the next page, with counts',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const facts = (await loadSample('host-6-3')).snapshot.parameters;
      const first = facts.values[0];
      if (!first) throw new Error('no values');
      const values = Array.from({ length: 230 }, (_, i) => ({
        ...first,
        name: `v${i}`,
        line: i + 1,
      }));
      render(ValuesTable, { key: 'Parameters', facts: { ...facts, values }, onshowline: vi.fn() });
      const table = screen.getByRole('table');
      expect(bodyRows(table)).toHaveLength(200);
      expect(screen.getByTestId('show-more')).toHaveTextContent('Showing 200 of 230 values.');
      await user.click(screen.getByRole('button', { name: 'Show 30 more' }));
      expect(bodyRows(table)).toHaveLength(230);
      expect(screen.queryByTestId('show-more')).not.toBeInTheDocument();
    },
  );

  it('draws two values with one name on one line (a link can say so) without throwing', async () => {
    const facts = (await loadSample('host-6-3')).snapshot.parameters;
    const first = facts.values[0];
    if (!first) throw new Error('no values');
    const values = [first, { ...first, data: 'SECOND-HOST' }];
    render(ValuesTable, { key: 'Parameters', facts: { ...facts, values }, onshowline: vi.fn() });
    const rows = screen.getAllByRole('row', { name: new RegExp(first.name) });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('SECOND-HOST');
  });

  it('shows invisible and bidi characters in names and data, and says when data is empty', () => {
    const facts = loadRegText(
      regText([
        `[${PARAMETERS_KEY}]`,
        '"Host\u200bName"="HV\u202eHOST"',
        '"HostingSystemSpMajor"=""',
      ]),
    ).snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });
    const row = screen.getByRole('row', { name: /Host⟨U\+200B⟩Name/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Host⟨U+200B⟩Name');
    expect(row).toHaveTextContent('HV⟨U+202E⟩HOST');
    expect(screen.getByRole('row', { name: /HostingSystemSpMajor/ })).toHaveTextContent('empty');
  });

  it('stays a table to screen readers: explicit roles and a label on every data cell', async () => {
    const facts = (await loadSample('host-6-3')).snapshot.parameters;
    render(ValuesTable, { key: 'Parameters', facts, onshowline: vi.fn() });
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('role', 'table');
    expect(table).toHaveClass('stacked-table');
    for (const cell of within(table).getAllByRole('cell')) {
      expect(cell.dataset.label ?? (cell as HTMLTableCellElement).colSpan > 1).toBeTruthy();
    }
  });
});

describe('ValuesTable of a key the input does not carry', () => {
  it('says so, rather than calling the key empty or missing', () => {
    const facts = {
      state: 'not-collected' as const,
      path: AUTO_KEY,
      line: null,
      values: [],
    };
    render(ValuesTable, { key: 'Auto', facts, onshowline: null });
    expect(screen.getByTestId('values-auto')).toHaveTextContent(
      `This kind of input does not carry the ${AUTO_KEY} key.`,
    );
  });
});
