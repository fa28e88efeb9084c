// Text made visible: for terminals (forTerminal) and for display (showInvisible).
export { forTerminal } from './for-terminal.ts';
export { codePointLabel, showInvisible, withoutInvisible } from './invisible.ts';
