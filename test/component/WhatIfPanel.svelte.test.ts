import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WhatIfPanel from '../../src/app/WhatIfPanel.svelte';
import type { KvpSnapshot, WhatIf } from '../../src/lib/kvp/snapshot.ts';
import { AUTO_KEY, PARAMETERS_KEY, loadRegText, loadSample } from './fixtures.ts';

/**
 * Renders the panel as Report does: `whatIf` from the parent's state, `onchange` writing it back.
 * Returns the calls to onchange and a way to change the state from outside.
 */
function renderWithState(snapshot: KvpSnapshot, initial: WhatIf = {}) {
  let whatIf = $state<WhatIf>(initial);
  const onchange = vi.fn((next: WhatIf) => {
    whatIf = next;
  });
  render(WhatIfPanel, {
    props: {
      snapshot,
      get whatIf() {
        return whatIf;
      },
      onchange,
    },
  });
  return {
    onchange,
    get: () => whatIf,
    set: (next: WhatIf) => {
      whatIf = next;
      flushSync();
    },
  };
}

const guestSelect = () => screen.getByLabelText<HTMLSelectElement>('Guest OS');
const hostSelect = () => screen.getByLabelText<HTMLSelectElement>('Host version');

describe('WhatIfPanel', () => {
  afterEach(() => cleanup());

  it('says which guest OS the file gives and on which line', async () => {
    const loaded = await loadSample('host-6-3');
    // Where the file says it: the OSMajorVersion line of the Auto key.
    const line = loaded.source.find((l) => l.text.startsWith('"OSMajorVersion"'))?.line;
    expect(line).toBeDefined();
    renderWithState(loaded.snapshot);

    expect(screen.getByText(`The file says 6.1 (Auto, line ${line}).`)).toBeInTheDocument();
    expect(guestSelect()).toHaveValue('');
    expect(guestSelect().selectedOptions[0]).toHaveTextContent('As in the file (6.1)');
    expect(hostSelect()).toHaveValue('');
    expect(hostSelect().selectedOptions[0]).toHaveTextContent('As in the file');
  });

  it('asks for the guest OS when the file does not say it', () => {
    const text = `Windows Registry Editor Version 5.00\n\n[${PARAMETERS_KEY}]\n"HostingSystemOsMajor"="6"\n"HostingSystemOsMinor"="3"\n`;
    renderWithState(loadRegText(text).snapshot);
    expect(
      screen.getByText(
        'The file does not say which Windows the guest runs; choose it to get a verdict.',
      ),
    ).toBeInTheDocument();
    expect(guestSelect().selectedOptions[0]).toHaveTextContent('Unknown');
  });

  it('says the host values are missing when the file has none', async () => {
    renderWithState((await loadSample('parameters-missing')).snapshot);
    expect(
      screen.getByText(
        'The file has no host values; choose a host version to see what it would change.',
      ),
    ).toBeInTheDocument();
  });

  it('offers re-running the checks for another host when the file has host values', () => {
    const text = `Windows Registry Editor Version 5.00\n\n[${AUTO_KEY}]\n"OSVersion"="6.1.7601"\n\n[${PARAMETERS_KEY}]\n"HostingSystemOsMajor"="6"\n"HostingSystemOsMinor"="3"\n`;
    renderWithState(loadRegText(text).snapshot);
    expect(
      screen.getByText('Re-run the checks as if the host reported another version.'),
    ).toBeInTheDocument();
  });

  it('reports the new whatIf when a guest OS is chosen, and clears it with "As in the file"', async () => {
    const user = userEvent.setup();
    const bound = renderWithState((await loadSample('host-6-3')).snapshot);

    await user.selectOptions(guestSelect(), '6.3');
    expect(bound.onchange).toHaveBeenCalledTimes(1);
    expect(bound.onchange).toHaveBeenLastCalledWith({ guestOs: '6.3' });
    expect(bound.get()).toEqual({ guestOs: '6.3' });
    expect(guestSelect()).toHaveValue('6.3');

    await user.selectOptions(guestSelect(), '');
    expect(bound.onchange).toHaveBeenLastCalledWith({});
    expect(bound.get()).toEqual({});
  });

  it('reports the new whatIf when a host version is chosen, keeping the guest OS', async () => {
    const user = userEvent.setup();
    const initial: WhatIf = { guestOs: '6.2' };
    const bound = renderWithState((await loadSample('host-6-3')).snapshot, initial);
    expect(guestSelect()).toHaveValue('6.2');

    await user.selectOptions(hostSelect(), '6.4');
    expect(bound.onchange).toHaveBeenLastCalledWith({ guestOs: '6.2', hostVersion: '6.4' });
    expect(bound.get()).toEqual({ guestOs: '6.2', hostVersion: '6.4' });
    // A new object: the one the parent passed in is not changed behind its back.
    expect(initial).toEqual({ guestOs: '6.2' });
  });

  it('follows a whatIf changed from outside', async () => {
    const bound = renderWithState((await loadSample('host-6-3')).snapshot);
    bound.set({ hostVersion: '10.0' });
    expect(hostSelect()).toHaveValue('10.0');
    bound.set({});
    expect(hostSelect()).toHaveValue('');
  });

  it('lists versions with their product names', async () => {
    renderWithState((await loadSample('host-6-3')).snapshot);
    const option = Array.from(hostSelect().options).find((o) => o.value === '6.3');
    expect(option).toHaveTextContent('Windows Server 2012 R2');
  });
});
