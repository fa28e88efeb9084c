// What the page and its parse worker say to each other.
import type { InputResult } from '../lib/inputs/loaded-guest.ts';

/** Files dropped or picked together: several pool files of one guest are one report. */
export type WorkerRequest = { type: 'read'; files: File[] };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; results: InputResult[] }
  | { type: 'failed'; message: string };
