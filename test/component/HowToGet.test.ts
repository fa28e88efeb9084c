import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import HowToGet from '../../src/app/HowToGet.svelte';
import { stubClipboard } from './clipboard.ts';

describe('HowToGet', () => {
  afterEach(() => cleanup());

  it('is a collapsed "How to get the file" section that opens on click', async () => {
    const user = userEvent.setup();
    const { container } = render(HowToGet);
    const details = container.querySelector('details');
    expect(details).not.toHaveAttribute('open');
    await user.click(screen.getByText('How to get the file'));
    expect(details).toHaveAttribute('open');
  });

  it('copies the reg export command', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    render(HowToGet);
    await user.click(screen.getByRole('button', { name: 'Copy the reg export command' }));
    expect(writeText).toHaveBeenCalledWith(
      'reg export "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" kvp.reg',
    );
  });

  it('copies the registry key path for regedit', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    render(HowToGet);
    await user.click(screen.getByRole('button', { name: 'Copy the registry key path' }));
    expect(writeText).toHaveBeenCalledWith(
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine',
    );
  });

  it('puts a space between "writes" and the file name', () => {
    const { container } = render(HowToGet);
    expect(container.querySelector('ol')).toHaveTextContent(
      'This writes kvp.reg in the current folder',
    );
  });

  it('puts a space between "then" and the menu command', () => {
    const { container } = render(HowToGet);
    expect(container.querySelector('ol')).toHaveTextContent('then File → Export…');
  });
});
