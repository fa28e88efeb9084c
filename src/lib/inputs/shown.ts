// A piece of an input quoted in a message: cut to a readable length, and every invisible, bidi
// or control character written out (⟨U+202E⟩), so that no message shows or sends raw control bytes.
import { showInvisible } from '../text/index.ts';
import { quoted } from './input-diagnostic.ts';

export function shown(text: string): string {
  return quoted(showInvisible(text));
}
