import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => cleanup());
import AppHeader from '../../src/app/AppHeader.svelte';

describe('AppHeader', () => {
  it('names the product and states the privacy promise', () => {
    render(AppHeader);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('KVP Analyzer');
    expect(screen.getByTestId('privacy')).toHaveTextContent(
      'Your file is read in this browser and never uploaded.',
    );
  });
});

describe('AppHeader, offline', () => {
  it('links to the single-file page, to download', () => {
    render(AppHeader);
    const link = screen.getByRole('link', { name: 'Download for offline use' });
    expect(link).toHaveAttribute('href', './kvp-analyzer.html');
    expect(link).toHaveAttribute('download', 'kvp-analyzer.html');
  });
});
