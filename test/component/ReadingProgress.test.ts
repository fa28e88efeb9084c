import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ReadingProgress from '../../src/app/ReadingProgress.svelte';
import { FileAnalysis } from '../../src/app/state/file-analysis.svelte.ts';

const MB = 1024 * 1024;

describe('ReadingProgress', () => {
  afterEach(() => cleanup());

  it('names the file and its size, and shows how far reading has got', () => {
    const analysis = new FileAnalysis('cluster-node-7.reg', 12.5 * MB);
    analysis.progress = 0.42;
    render(ReadingProgress, { analysis });

    const bar = screen.getByRole('progressbar', { name: 'Reading cluster-node-7.reg (12.5 MB)…' });
    expect(bar).toHaveAttribute('max', '100');
    expect(bar).toHaveAttribute('value', '42');
    expect(bar).toHaveTextContent('42 %');
  });

  it('moves on as the reading progresses', () => {
    const analysis = new FileAnalysis('big.reg', 300 * MB);
    analysis.progress = 0.1;
    render(ReadingProgress, { analysis });
    analysis.progress = 0.876;
    flushSync();
    const bar = screen.getByRole('progressbar', { name: /big\.reg/ });
    expect(bar).toHaveAttribute('value', '88');
    expect(bar).toHaveTextContent('88 %');
  });

  it('stops the reading when Cancel is pressed', async () => {
    const user = userEvent.setup();
    const analysis = new FileAnalysis('big.reg', 300 * MB);
    const cancelWorker = vi.fn();
    analysis.cancel = cancelWorker;
    const stop = vi.spyOn(analysis, 'stop');
    render(ReadingProgress, { analysis });

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(stop).toHaveBeenCalledTimes(1);
    expect(cancelWorker).toHaveBeenCalledTimes(1);
    expect(analysis.status).toBe('cancelled');
  });
});
