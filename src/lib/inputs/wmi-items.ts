// The host's view of a guest's KVP items: the Msvm_KvpExchangeDataItem embedded instances that
// PowerShell prints for (Get-CimInstance -Namespace root\virtualization\v2 -ClassName
// Msvm_KvpExchangeComponent …).GuestIntrinsicExchangeItems (or GuestExchangeItems), one
// CIM-XML <INSTANCE> per item → name, data and source of each.
//
// Sources: learn.microsoft.com Msvm_KvpExchangeComponent (both properties are arrays of embedded
// Msvm_KvpExchangeDataItem instances) and Msvm_KvpExchangeDataItem (Name, Data: MAXLEN 1024;
// Source); windowsserverdocs "Data Exchange: Using key-value pairs to share information between
// the host and guest on Hyper-V" reads them with /INSTANCE/PROPERTY[@NAME='Name']/VALUE. Only
// INSTANCE, PROPERTY and VALUE matter, so a small tokenizer reads them (no XML parser: lib is
// pure and has no DOM).
import { count, NoteList, quoted, type InputDiagnostic } from './input-diagnostic';

export interface KvpItem {
  name: string;
  data: string;
  source: number | null;
  /** 1-based item number */
  item: number;
  /** 1-based line of the item's <INSTANCE> */
  line: number;
}

const ITEM_CLASS = 'Msvm_KvpExchangeDataItem';
/** Msvm_KvpExchangeDataItem: Name and Data are MAXLEN (1024). */
const MAX_CHARS = 1024;
const COLLECT =
  'On the Hyper-V host, run: (Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_ComputerSystem -Filter "ElementName=\'VM name\'" | Get-CimAssociatedInstance -ResultClassName Msvm_KvpExchangeComponent).GuestIntrinsicExchangeItems > items.xml — or use the host collector script.';

/** The five predefined entities and numeric character references (XML 1.0 §4.1, §4.6). */
function unescape(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g,
    (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ref === 'amp'
        ? '&'
        : ref === 'lt'
          ? '<'
          : ref === 'gt'
            ? '>'
            : ref === 'quot'
              ? '"'
              : "'";
    },
  );
}

const ATTRIBUTES = {
  CLASSNAME: /\sCLASSNAME\s*=\s*(?:"([^"]*)"|'([^']*)')/i,
  NAME: /\sNAME\s*=\s*(?:"([^"]*)"|'([^']*)')/i,
};

/** An attribute's value in a start tag's text, e.g. NAME in ` NAME="Data" TYPE="string"`. */
function attribute(tag: string, name: keyof typeof ATTRIBUTES): string | undefined {
  const m = ATTRIBUTES[name].exec(tag);
  return m ? unescape(m[1] ?? m[2] ?? '') : undefined;
}

interface Tag {
  /** Upper-cased element name; '' for text, comments and declarations. */
  name: string;
  end: boolean;
  selfClosing: boolean;
  /** The tag's text between its name and `>`. */
  attributes: string;
  from: number;
  to: number;
}

/** The markup at `<` (text[from] === '<'), or null when it does not end. */
function tagAt(text: string, from: number): Tag | null {
  for (const [open, close] of [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
    ['<!', '>'],
  ] as const) {
    if (text.startsWith(open, from)) {
      const stop = text.indexOf(close, from + open.length);
      if (stop === -1) return null;
      return {
        name: '',
        end: false,
        selfClosing: true,
        attributes: '',
        from,
        to: stop + close.length,
      };
    }
  }
  const stop = text.indexOf('>', from);
  if (stop === -1) return null;
  const inner = text.slice(from + 1, stop);
  const end = inner.startsWith('/');
  const m = /^\/?\s*([A-Za-z_][\w.:-]*)/.exec(inner);
  return {
    name: m ? (m[1] ?? '').toUpperCase() : '',
    end,
    selfClosing: inner.endsWith('/'),
    attributes: m ? inner.slice(m[0].length) : inner,
    from,
    to: stop + 1,
  };
}

const VALUE_END = /<\/VALUE\s*>/gi;

/** The text of a VALUE element's content, CDATA sections as they are, the rest unescaped. */
function valueText(raw: string): string {
  if (raw.indexOf('<![CDATA[') === -1) return unescape(raw);
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : unescape(part)))
    .join('');
}

interface Instance {
  /** Property name → its VALUE's text, null for a property without one. */
  props: Map<string, string | null>;
  /** Whether its </INSTANCE> was found. */
  closed: boolean;
  /** Where the text after it starts; the end of the text for an instance that never ends. */
  to: number;
}

/** The PROPERTY/VALUE pairs of the instance that `open` starts (nested instances skipped). */
function readInstance(text: string, open: Tag): Instance {
  const props = new Map<string, string | null>();
  let pos = open.to;
  let depth = open.selfClosing ? 0 : 1;
  let property: string | null = null;
  while (depth > 0) {
    const next = text.indexOf('<', pos);
    const t = next === -1 ? null : tagAt(text, next);
    if (!t) return { props, closed: false, to: text.length };
    pos = t.to;
    if (t.name === 'INSTANCE') {
      if (t.end) depth--;
      else if (!t.selfClosing) depth++;
    } else if (depth === 1 && t.name === 'PROPERTY') {
      if (t.end) property = null;
      else {
        property = attribute(t.attributes, 'NAME') ?? '';
        if (!props.has(property)) props.set(property, null);
        if (t.selfClosing) property = null;
      }
    } else if (depth === 1 && t.name === 'VALUE' && !t.end && property !== null) {
      if (t.selfClosing) {
        props.set(property, '');
        continue;
      }
      VALUE_END.lastIndex = pos;
      const close = VALUE_END.exec(text);
      props.set(property, valueText(text.slice(pos, close ? close.index : text.length)));
      pos = close ? VALUE_END.lastIndex : text.length;
    }
  }
  return { props, closed: true, to: pos };
}

/** Reads the items. Never throws; whatever is wrong is said in `diagnostics`. */
export function readKvpItems(text: string): {
  items: KvpItem[];
  otherClass?: string;
  diagnostics: InputDiagnostic[];
} {
  const notes = new NoteList();
  const items: KvpItem[] = [];
  let otherClass: string | undefined;
  const firstByName = new Map<string, number>();

  // Lines are counted as the scan moves on; each newline is looked for once.
  let line = 1;
  let nextNewline = text.indexOf('\n');
  const lineAt = (pos: number): number => {
    while (nextNewline !== -1 && nextNewline < pos) {
      line++;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
    return line;
  };

  /** Line of the first text outside the instances (PowerShell's "… : {", a prompt, …). */
  let strayLine: number | undefined;
  const stray = (at: number) => {
    strayLine ??= lineAt(at);
  };
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let instances = 0;
  let itemCount = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const gap = text.slice(pos, lt === -1 ? text.length : lt).search(/\S/);
    if (gap !== -1) stray(pos + gap);
    if (lt === -1) break;
    // "a < b" is text, not markup.
    const tag = /[A-Za-z_/!?]/.test(text.charAt(lt + 1)) ? tagAt(text, lt) : null;
    if (!tag) {
      stray(lt);
      // Markup that never ends: the rest of the text is inside it.
      if (/[A-Za-z_/!?]/.test(text.charAt(lt + 1))) break;
      pos = lt + 1;
      continue;
    }
    pos = tag.to;
    if (tag.name !== 'INSTANCE' || tag.end) {
      if (tag.name !== '' && !['PROPERTY', 'VALUE', 'INSTANCE'].includes(tag.name)) stray(lt);
      continue;
    }

    instances++;
    const itemLine = lineAt(lt);
    const className = attribute(tag.attributes, 'CLASSNAME') ?? '';
    const { props, closed, to } = readInstance(text, tag);
    pos = to;
    if (className.toLowerCase() !== ITEM_CLASS.toLowerCase()) {
      otherClass ??= className;
      continue;
    }
    // Items are numbered as they stand in the text, those left out included.
    const number = ++itemCount;
    const where = `item ${number}`;
    const get = (want: string): string | null | undefined => {
      for (const [k, v] of props) if (k.toLowerCase() === want) return v;
      return undefined;
    };
    const name = get('name');
    const data = get('data');
    const source = get('source');
    if (!closed) {
      notes.push({
        severity: 'warning',
        at: where,
        message: `Item ${number} is cut off before its end (</INSTANCE>); what it held up to there was read. If PowerShell shortened the list with "…", write the items to a file instead.`,
      });
    }
    if (name === undefined || name === null || name === '') {
      notes.add('items without a Name', {
        severity: 'error',
        at: where,
        message: `Item ${number} (line ${itemLine}) has no Name, so it was left out${data ? `; its Data is ${quoted(data)}` : ''}.`,
      });
      continue;
    }
    const item: KvpItem = {
      name,
      data: data ?? '',
      source: null,
      item: number,
      line: itemLine,
    };
    if (source !== undefined && source !== null) {
      if (/^\s*\d+\s*$/.test(source)) item.source = Number(source);
      else {
        notes.add('items with an unreadable Source', {
          severity: 'warning',
          at: where,
          message: `The Source of item ${number} (${quoted(name)}) is ${quoted(source)}, not a number.`,
        });
      }
    }
    if (data === undefined || data === null) {
      notes.add('items without Data', {
        severity: 'warning',
        at: where,
        message: `Item ${number} (${quoted(name)}) has no Data value; it was read as empty.`,
      });
    }
    if (name.length > MAX_CHARS || item.data.length > MAX_CHARS) {
      notes.add('items longer than WMI allows', {
        severity: 'warning',
        at: where,
        message: `Item ${number} (${quoted(name)}) is longer than the ${count(MAX_CHARS)} characters Hyper-V allows for a Name or Data, so it did not come from Hyper-V as it is.`,
      });
    }
    const first = firstByName.get(name);
    if (first !== undefined) {
      notes.add('items that repeat a name', {
        severity: 'warning',
        at: where,
        message: `Item ${number} repeats the name ${quoted(name)} of item ${first}: the text may hold the items of more than one virtual machine, or GuestIntrinsicExchangeItems and GuestExchangeItems together.`,
      });
    } else firstByName.set(name, item.item);
    items.push(item);
  }

  if (strayLine !== undefined && instances > 0) {
    notes.push({
      severity: 'info',
      at: `line ${strayLine}`,
      message: `Text outside the <INSTANCE> elements was ignored (the first on line ${strayLine}).`,
    });
  }
  if (items.length === 0) {
    notes.push({
      severity: 'error',
      message:
        otherClass !== undefined
          ? `This is CIM-XML of the class ${quoted(otherClass)}, not of Msvm_KvpExchangeDataItem. ${COLLECT}`
          : itemCount > 0
            ? `None of the ${count(itemCount)} items has a Name. ${COLLECT}`
            : `No <INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"> element was found. ${COLLECT}`,
    });
  }
  const result: { items: KvpItem[]; otherClass?: string; diagnostics: InputDiagnostic[] } = {
    items,
    diagnostics: notes.list(),
  };
  if (otherClass !== undefined) result.otherClass = otherClass;
  return result;
}

/** How far into the text detection looks for the first item. */
const DETECT_CHARS = 64 * 1024;

/** Whether the text holds Msvm_KvpExchangeDataItem instances (for detection). */
export function looksLikeKvpItems(text: string): boolean {
  return /<INSTANCE\s[^>]*CLASSNAME\s*=\s*["']Msvm_KvpExchangeDataItem["']/i.test(
    text.slice(0, DETECT_CHARS),
  );
}
