// A report that throws while it is drawn: the page says so in a sentence and keeps working,
// never a blank page. The throw is provoked in the one place a value is explained.
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/app/App.svelte';
import { samples } from '../../src/app/samples/index.ts';

vi.mock('../../src/lib/kvp/explain.ts', async (original) => {
  const actual = await original<typeof import('../../src/lib/kvp/explain.ts')>();
  return {
    ...actual,
    explainValue: (
      name: string,
      ...rest: Parameters<typeof actual.explainValue> extends [string, ...infer R] ? R : never
    ) => {
      if (name === 'VirtualMachineName') throw new Error('an unexpected value');
      return actual.explainValue(name, ...rest);
    },
  };
});

const titleOf = (id: string) => samples.find((sample) => sample.id === id)?.title ?? id;

describe('App, when a report cannot be drawn', { timeout: 20_000 }, () => {
  afterEach(() => cleanup());

  it('says so, and another file can still be opened', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByRole('button', { name: titleOf('host-6-3') }));
    // The first report loads the report's code (transformed on demand here: give it time).
    const alert = await screen.findByTestId('report-failed', {}, { timeout: 15_000 });
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(
      'The report on kvp-sample-host-6-3.reg cannot be shown. The file was read, but drawing its report failed: an unexpected value. Open another file, or reload the page and try this one again.',
    );
    expect(screen.queryByTestId('report')).not.toBeInTheDocument();
    // The rest of the page works: a sample without that value opens its report.
    await user.click(screen.getByRole('button', { name: 'Open another…' }));
    await user.click(screen.getByRole('button', { name: titleOf('parameters-missing') }));
    expect(
      await screen.findByRole('article', { name: 'Report: kvp-sample-parameters-missing.reg' }),
    ).toBeInTheDocument();
  });
});
