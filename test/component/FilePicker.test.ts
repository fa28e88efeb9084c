import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FilePicker from '../../src/app/FilePicker.svelte';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { sampleText } from './fixtures.ts';

async function regFile(name: string): Promise<File> {
  return new File([regeditBytes(await sampleText('offered')) as BlobPart], name);
}

describe('FilePicker', () => {
  afterEach(() => cleanup());

  it('is a file input labelled "Choose file…" that takes several .reg or text files', () => {
    render(FilePicker, { onfiles: vi.fn() });
    const input = screen.getByLabelText('Choose file…');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('multiple');
    expect(input.getAttribute('accept')?.split(',')).toContain('.reg');
  });

  it('is reachable with the keyboard (Tab)', async () => {
    const user = userEvent.setup();
    render(FilePicker, { onfiles: vi.fn() });
    await user.tab();
    expect(screen.getByLabelText('Choose file…')).toHaveFocus();
  });

  it('passes the chosen files to onfiles', async () => {
    const user = userEvent.setup();
    const onfiles = vi.fn();
    render(FilePicker, { onfiles });
    const first = await regFile('vm1.reg');
    const second = await regFile('vm2.reg');

    await user.upload(screen.getByLabelText('Choose file…'), [first, second]);

    expect(onfiles).toHaveBeenCalledTimes(1);
    expect(onfiles).toHaveBeenCalledWith([first, second]);
  });

  it('takes the same file again when it is chosen a second time', async () => {
    const user = userEvent.setup();
    const onfiles = vi.fn();
    render(FilePicker, { onfiles });
    const file = await regFile('vm1.reg');
    const input = screen.getByLabelText('Choose file…');

    await user.upload(input, file);
    await user.upload(input, file);

    expect(onfiles).toHaveBeenCalledTimes(2);
    expect(onfiles).toHaveBeenLastCalledWith([file]);
  });
});
