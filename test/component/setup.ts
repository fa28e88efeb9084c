import '@testing-library/jest-dom/vitest';

// jsdom does not lay out, so it has no scrollIntoView; the page calls it when a report opens.
// Tests that check the scrolling spy on this.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
