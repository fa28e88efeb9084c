import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DropOverlay from '../../src/app/DropOverlay.svelte';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { sampleText } from './fixtures.ts';

// jsdom has no DataTransfer: a plain object with the two fields the component reads.
const withFiles = (files: File[]) => ({ dataTransfer: { files, types: ['Files'] } });
const withText = { dataTransfer: { files: [], types: ['text/plain'] } };

async function regFile(name: string): Promise<File> {
  return new File([regeditBytes(await sampleText('host-6-3')) as BlobPart], name);
}

describe('DropOverlay', () => {
  afterEach(() => cleanup());

  it('shows nothing until something is dragged over the window', () => {
    render(DropOverlay, { onfiles: vi.fn() });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });

  it('shows the overlay while files are dragged over the window and hides it when they leave', async () => {
    render(DropOverlay, { onfiles: vi.fn() });
    const file = await regFile('kvp.reg');

    await fireEvent.dragEnter(window, withFiles([file]));
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop .reg files to analyse them');

    await fireEvent.dragLeave(window, withFiles([file]));
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });

  it('stays up while the drag moves from one element to another (enter, enter, leave)', async () => {
    render(DropOverlay, { onfiles: vi.fn() });
    const file = await regFile('kvp.reg');
    await fireEvent.dragEnter(window, withFiles([file]));
    await fireEvent.dragEnter(window, withFiles([file]));
    await fireEvent.dragLeave(window, withFiles([file]));
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    await fireEvent.dragLeave(window, withFiles([file]));
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });

  it('accepts the drag (dragover default prevented) so that a drop is possible', async () => {
    render(DropOverlay, { onfiles: vi.fn() });
    const file = await regFile('kvp.reg');
    await fireEvent.dragEnter(window, withFiles([file]));
    // fireEvent returns false when a handler called preventDefault().
    expect(await fireEvent.dragOver(window, withFiles([file]))).toBe(false);
  });

  it('hands the dropped files to onfiles, stops the browser opening them, and hides the overlay', async () => {
    const onfiles = vi.fn();
    render(DropOverlay, { onfiles });
    const first = await regFile('node1.reg');
    const second = await regFile('node2.reg');

    await fireEvent.dragEnter(window, withFiles([first, second]));
    const notPrevented = await fireEvent.drop(window, withFiles([first, second]));

    expect(notPrevented).toBe(false);
    expect(onfiles).toHaveBeenCalledTimes(1);
    expect(onfiles).toHaveBeenCalledWith([first, second]);
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });

  it('ignores a drag that carries no files (e.g. selected text)', async () => {
    const onfiles = vi.fn();
    render(DropOverlay, { onfiles });

    await fireEvent.dragEnter(window, withText);
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    expect(await fireEvent.dragOver(window, withText)).toBe(true);
    expect(await fireEvent.drop(window, withText)).toBe(true);
    expect(onfiles).not.toHaveBeenCalled();
  });
});
