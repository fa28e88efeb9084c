import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import ShareDialog from '../../src/app/ShareDialog.svelte';
import { decodePermalink } from '../../src/lib/permalink/index.ts';
import { analyzeSample } from './fixtures.ts';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const linkField = () => screen.getByLabelText<HTMLInputElement>(/^Link \(/);

describe('ShareDialog', () => {
  it('shows what the link carries and writes the link into the address', async () => {
    const { snapshot } = await analyzeSample('host-6-3', { hostVersion: '6.4' });
    render(ShareDialog, { snapshot, onclose: vi.fn() });
    const dialog = screen.getByRole('dialog', { name: 'Share this report' });
    await waitFor(() => expect(linkField().value).toMatch(/#v1\.[A-Za-z0-9_-]+$/));
    expect(location.hash).toBe(new URL(linkField().value).hash);
    const contents = within(dialog).getByRole('table', { name: 'What the link contains' });
    expect(contents).toHaveTextContent('HostingSystemOsMinor');
    expect(contents).toHaveTextContent('HV-NODE3');
    const shared = await decodePermalink(linkField().value);
    expect(shared.given.hostVersion).toEqual({ major: 6, minor: 4 });
  });

  it('hides names, the VM ID and addresses when redaction is ticked', async () => {
    const user = userEvent.setup();
    const { snapshot } = await analyzeSample('host-6-3');
    render(ShareDialog, { snapshot, onclose: vi.fn() });
    await waitFor(() => expect(linkField().value).toContain('#v1.'));
    const plain = linkField().value;
    await user.click(screen.getByLabelText(/Hide the host and VM names/));
    await waitFor(() => expect(linkField().value).not.toBe(plain));
    const contents = screen.getByRole('table', { name: 'What the link contains' });
    expect(contents).not.toHaveTextContent('HV-NODE3');
    expect(contents).not.toHaveTextContent('FILE02');
    expect(contents).not.toHaveTextContent('A7C3E2D1-55B4-4F0E-8C21-9D6B3A0E4F18');
    const shared = await decodePermalink(linkField().value);
    expect(JSON.stringify(shared)).not.toContain('HV-NODE3');
  });

  it('calls onclose when closed', async () => {
    const user = userEvent.setup();
    const onclose = vi.fn();
    const { snapshot } = await analyzeSample('offered');
    render(ShareDialog, { snapshot, onclose });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('says the values are too large for a link, and offers no link, when the encoder refuses', async () => {
    const { snapshot } = await analyzeSample('host-10-0');
    // 40,000 distinct values of 24 characters: far over what a link may carry (1 MiB).
    const first = snapshot.parameters.values[0];
    if (!first) throw new Error('no values');
    const values = Array.from({ length: 40_000 }, (_, i) => ({
      ...first,
      name: `Name${String(i).padStart(5, '0')}`,
      data: 'x'.repeat(24),
      line: i + 1,
    }));
    render(ShareDialog, {
      snapshot: { ...snapshot, parameters: { ...snapshot.parameters, values } },
      onclose: vi.fn(),
    });
    const warning = await screen.findByTestId('too-large');
    expect(warning).toHaveTextContent(
      'These values are too large for a link. Use Download JSON in the report instead, and send that file: it holds the same values and every verdict.',
    );
    expect(screen.queryByLabelText(/^Link \(/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument();
    expect(location.hash).toBe('');
    // The list of what a link would carry is drawn a page at a time.
    const contents = screen.getByRole('table', { name: 'What a link would contain' });
    expect(within(contents).getAllByRole('row')).toHaveLength(201);
    expect(screen.getByTestId('show-more')).toHaveTextContent(/^Showing 200 of 40,0\d\d rows\./);
  });

  it('shows invisible characters in what the link carries', async () => {
    const { snapshot } = await analyzeSample('host-6-3');
    const first = snapshot.parameters.values[0];
    if (!first) throw new Error('no values');
    const values = [{ ...first, name: 'Host\u200bName', data: 'HV\u202eHOST' }];
    render(ShareDialog, {
      snapshot: { ...snapshot, parameters: { ...snapshot.parameters, values } },
      onclose: vi.fn(),
    });
    const contents = screen.getByRole('table', { name: 'What the link contains' });
    expect(
      within(contents).getByRole('rowheader', { name: 'Host⟨U+200B⟩Name' }),
    ).toBeInTheDocument();
    expect(contents).toHaveTextContent('HV⟨U+202E⟩HOST');
    await waitFor(() => expect(linkField().value).toMatch(/#v1\./));
  });
});
