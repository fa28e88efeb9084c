// The samples a visitor can try with one click. Each is a module of its own, imported only when
// asked for, so they cost nothing on first load and need no network request.
export interface Sample {
  id: string;
  title: string;
  summary: string;
  /** The export's text; the page encodes it as regedit does (UTF-16LE with BOM, CRLF). */
  load: () => Promise<string>;
}

export const samples: Sample[] = [
  {
    id: 'healthy',
    title: 'Healthy modern guest',
    summary:
      'Windows Server 2022 guest on a 10.0 host: all 16 host values, guest values consistent',
    load: async () => (await import('./healthy.ts')).text,
  },
  {
    id: 'offered',
    title: 'Offered: the 2014 case',
    summary:
      'Windows Server 2012 guest on a 6.4 host: the one case KB3004908 was offered to (November 2014)',
    load: async () => (await import('./offered.ts')).text,
  },
  {
    id: 'host-6-3',
    title: 'Not offered: 6.3 host',
    summary: 'Windows Server 2008 R2 guest on a Windows Server 2012 R2 host',
    load: async () => (await import('./host-6-3.ts')).text,
  },
  {
    id: 'parameters-missing',
    title: 'Parameters missing',
    summary: 'Windows 7 guest whose host sent no values',
    load: async () => (await import('./parameters-missing.ts')).text,
  },
  {
    id: 'host-10-0',
    title: '10.0 host',
    summary: 'Windows Server 2019 guest on a Windows Server 2022 host, all 16 values',
    load: async () => (await import('./host-10-0.ts')).text,
  },
  {
    id: 'hand-edited',
    title: 'Hand-edited, with errors',
    summary: 'Values typed in from the 2014 blog post, misspelt and malformed',
    load: async () => (await import('./hand-edited.ts')).text,
  },
];
