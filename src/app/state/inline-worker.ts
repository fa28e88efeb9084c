/** The element of the single-file page (dist/kvp-analyzer.html) that holds the parse worker's
 * code as text: a `<script type="text/plain">`, which never runs and needs no hash. */
export const INLINE_WORKER_ID = 'parse-worker-source';
