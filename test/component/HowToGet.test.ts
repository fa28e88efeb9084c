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

describe('HowToGet: every kind of input', () => {
  afterEach(() => cleanup());

  it.each([
    [
      'Copy the reg query command',
      'reg query "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" /s > kvp.txt',
    ],
    [
      'Copy the tar command for the pool files',
      'sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv',
    ],
    ['Copy the command that runs the collector', '.\\kvp-collector.ps1'],
  ])('%s', async (label, command) => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    render(HowToGet);
    await user.click(screen.getByRole('button', { name: label }));
    expect(writeText).toHaveBeenCalledWith(command);
  });

  it("copies the host's commands for one VM as lines that paste and run", async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    render(HowToGet);
    await user.click(screen.getByRole('button', { name: "Copy the commands for one VM's items" }));
    const [lines] = writeText.mock.calls[0] ?? [];
    expect(String(lines).split('\n')).toEqual([
      "$vmName = 'VM name'",
      '$id = (Get-VM -Name $vmName).Id',
      `(Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_KvpExchangeComponent -Filter "SystemName='$id'").GuestIntrinsicExchangeItems > kvp-items.xml`,
    ]);
  });

  it('offers the collector script as a download from the page itself, and to copy once opened', async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard();
    render(HowToGet);
    const link = screen.getByRole('link', { name: 'kvp-collector.ps1' });
    expect(link).toHaveAttribute('href', 'kvp-collector.ps1');
    expect(link).toHaveAttribute('download');
    await user.click(screen.getByText('How to get the file'));
    await user.click(await screen.findByRole('button', { name: 'Copy the collector script' }));
    expect(String(writeText.mock.calls[0]?.[0])).toMatch(/^<#\r?\n\.SYNOPSIS/);
  });
});
