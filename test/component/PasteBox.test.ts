import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PasteBox from '../../src/app/PasteBox.svelte';
import { sampleText } from './fixtures.ts';

const box = () => screen.getByLabelText('Or paste the text of an export');
const analyzeButton = () => screen.getByRole('button', { name: 'Analyze' });

describe('PasteBox', () => {
  afterEach(() => cleanup());

  it('analyses pasted text at once, without pressing Analyze', async () => {
    const user = userEvent.setup();
    const ontext = vi.fn();
    render(PasteBox, { ontext });
    const text = await sampleText('host-6-3');

    await user.click(box());
    await user.paste(text);

    expect(ontext).toHaveBeenCalledTimes(1);
    expect(ontext).toHaveBeenCalledWith(text);
    expect(box()).toHaveValue(text);
  });

  it('does not analyse again on each key typed after a paste', async () => {
    const user = userEvent.setup();
    const ontext = vi.fn();
    render(PasteBox, { ontext });
    const text = await sampleText('offered');

    await user.click(box());
    await user.paste(text);
    await user.type(box(), 'x');

    expect(ontext).toHaveBeenCalledTimes(1);
  });

  it('ignores a paste of only white space', async () => {
    const user = userEvent.setup();
    const ontext = vi.fn();
    render(PasteBox, { ontext });
    await user.click(box());
    await user.paste('   \n  ');
    expect(ontext).not.toHaveBeenCalled();
    expect(analyzeButton()).toBeDisabled();
  });

  it('disables Analyze while the box is empty or blank', async () => {
    const user = userEvent.setup();
    render(PasteBox, { ontext: vi.fn() });
    expect(analyzeButton()).toBeDisabled();
    await user.type(box(), '   ');
    expect(analyzeButton()).toBeDisabled();
    await user.type(box(), 'W');
    expect(analyzeButton()).toBeEnabled();
    await user.clear(box());
    expect(analyzeButton()).toBeDisabled();
  });

  it('submits typed text with Analyze, not while typing', async () => {
    const user = userEvent.setup();
    const ontext = vi.fn();
    render(PasteBox, { ontext });
    const typed = 'Windows Registry Editor Version 5.00';

    await user.type(box(), typed);
    expect(ontext).not.toHaveBeenCalled();

    await user.click(analyzeButton());
    expect(ontext).toHaveBeenCalledTimes(1);
    expect(ontext).toHaveBeenCalledWith(typed);
  });
});
