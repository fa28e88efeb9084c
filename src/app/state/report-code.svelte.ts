// The rules and the report's components (a report, the fleet table of several) are most of the
// page's code, and a first visit needs none: they load once something is opened, while the
// worker reads it.
import type FleetTableComponent from '../FleetTable.svelte';
import type ReportComponent from '../Report.svelte';

export interface ReportCode {
  rules: typeof import('../../lib/rules/index.ts');
  Report: typeof ReportComponent;
  FleetTable: typeof FleetTableComponent;
}

let code = $state.raw<ReportCode | null>(null);
let loading: Promise<ReportCode> | undefined;

/** The code, once loaded (reactive: a report appears when it arrives); null before. */
export function reportCode(): ReportCode | null {
  return code;
}

/** Loads the code, once; later calls share the first one's promise. */
export function loadReportCode(): Promise<ReportCode> {
  loading ??= Promise.all([
    import('../../lib/rules/index.ts'),
    import('../Report.svelte'),
    import('../FleetTable.svelte'),
  ]).then(
    ([rules, report, fleet]) =>
      (code = { rules, Report: report.default, FleetTable: fleet.default }),
    (error: unknown) => {
      // A later try may succeed (the network came back): do not keep the failure.
      loading = undefined;
      throw new Error(
        `the page could not load the code that writes the report (${(error as Error).message}); reload the page and try again`,
      );
    },
  );
  return loading;
}
