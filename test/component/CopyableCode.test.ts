import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import CopyableCode from '../../src/app/CopyableCode.svelte';
import { stubClipboard } from './clipboard.ts';

const PATH = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';

describe('CopyableCode', () => {
  afterEach(() => cleanup());

  it('shows the text as code and copies exactly that text', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    const { container } = render(CopyableCode, { text: PATH, label: 'Copy the key path' });
    expect(container.querySelector('code')?.textContent).toBe(PATH);
    await user.click(screen.getByRole('button', { name: 'Copy the key path' }));
    expect(writeText).toHaveBeenCalledWith(PATH);
  });
});
