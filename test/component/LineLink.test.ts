import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LineLink from '../../src/app/LineLink.svelte';

afterEach(cleanup);

describe('LineLink', () => {
  it('is a button that asks to show its line', async () => {
    const onshowline = vi.fn();
    render(LineLink, { line: 12, label: 'line 12', onshowline });
    await userEvent.setup().click(screen.getByRole('button', { name: 'line 12' }));
    expect(onshowline).toHaveBeenCalledWith(12, 'line 12');
  });

  it('is plain text when there is no source to show (a shared link)', () => {
    const { container } = render(LineLink, { line: 12, label: 'line 12', onshowline: null });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(container).toHaveTextContent('line 12');
  });
});
