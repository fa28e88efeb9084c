import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import InputPanel from '../../src/app/InputPanel.svelte';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { samples } from '../../src/app/samples/index.ts';
import { sampleText } from './fixtures.ts';

describe('InputPanel', () => {
  afterEach(() => cleanup());

  it('offers the three ways in: a file, pasted text and the samples', async () => {
    const user = userEvent.setup();
    const onfiles = vi.fn();
    const ontext = vi.fn();
    const onsample = vi.fn();
    render(InputPanel, { onfiles, ontext, onsample });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Open a .reg export');

    const text = await sampleText('offered');
    const file = new File([regeditBytes(text) as BlobPart], 'vm.reg');
    await user.upload(screen.getByLabelText('Choose file…'), file);
    expect(onfiles).toHaveBeenCalledWith([file]);

    await user.click(screen.getByLabelText('Or paste the text of an export'));
    await user.paste(text);
    expect(ontext).toHaveBeenCalledWith(text);

    const first = samples[0];
    if (!first) throw new Error('no samples');
    await user.click(screen.getByRole('button', { name: first.title }));
    await waitFor(() => expect(onsample).toHaveBeenCalledTimes(1));
    expect(onsample.mock.calls[0]?.[0]).toMatch(/\.reg$/);
  });
});

describe('InputPanel, folded', () => {
  afterEach(() => cleanup());

  it('is one "Open another…" bar, which asks to unfold', async () => {
    const user = userEvent.setup();
    const onexpand = vi.fn();
    render(InputPanel, {
      collapsed: true,
      onexpand,
      onfiles: vi.fn(),
      ontext: vi.fn(),
      onsample: vi.fn(),
    });
    expect(screen.queryByLabelText('Choose file…')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open another…' }));
    expect(onexpand).toHaveBeenCalledOnce();
  });
});
