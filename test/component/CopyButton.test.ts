import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CopyButton from '../../src/app/CopyButton.svelte';
import { stubClipboard } from './clipboard.ts';

const COMMAND = 'reg export "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" kvp.reg';

describe('CopyButton', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('is a button named by its label, showing its caption', () => {
    render(CopyButton, { text: COMMAND, label: 'Copy the reg export command', caption: 'Copy it' });
    const button = screen.getByRole('button', { name: 'Copy the reg export command' });
    expect(button).toHaveTextContent('Copy it');
  });

  it('shows "Copy" when no caption is given', () => {
    render(CopyButton, { text: COMMAND, label: 'Copy the reg export command' });
    expect(screen.getByRole('button', { name: 'Copy the reg export command' })).toHaveTextContent(
      /^Copy$/,
    );
  });

  it('writes the text to the clipboard and says "Copied" in a live region', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    render(CopyButton, { text: COMMAND, label: 'Copy the reg export command' });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status.textContent).toBe('');

    await user.click(screen.getByRole('button', { name: 'Copy the reg export command' }));

    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(COMMAND);
    expect(status).toHaveTextContent('Copied');
  });

  it('tells the user to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard(true);
    render(CopyButton, { text: COMMAND, label: 'Copy the reg export command' });

    await user.click(screen.getByRole('button', { name: 'Copy the reg export command' }));

    expect(writeText).toHaveBeenCalledWith(COMMAND);
    const status = screen.getByRole('status');
    expect(status).not.toHaveTextContent('Copied');
    expect(status).toHaveTextContent('Copy failed — select the text and press Ctrl+C');
  });

  it('clears the message again after a moment', async () => {
    vi.useFakeTimers();
    stubClipboard();
    render(CopyButton, { text: COMMAND, label: 'Copy the reg export command' });
    screen.getByRole('button', { name: 'Copy the reg export command' }).click();
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');

    await vi.advanceTimersByTimeAsync(3000);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
