import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
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
