// JSON with the line each value starts on and the exact text of numbers (JSON.parse gives
// neither: a REG_QWORD past 2^53 would be rounded), for readers whose evidence names lines.
// Bounded: nesting deeper than MAX_DEPTH is refused, so a crafted input cannot exhaust the stack.

export type JsonNode = { line: number } & (
  | { kind: 'object'; entries: { key: string; line: number; value: JsonNode }[] }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; raw: string }
  | { kind: 'literal'; value: boolean | null }
);

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Control characters must be escaped inside JSON strings (RFC 8259 §7).
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class JsonError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

class Parser {
  private pos = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  parse(): JsonNode {
    const node = this.value(0);
    this.space();
    if (this.pos < this.text.length)
      throw new JsonError('text after the end of the JSON', this.line);
    return node;
  }

  private space(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 10) this.line++;
      else if (c !== 32 && c !== 9 && c !== 13) return;
      this.pos++;
    }
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonError(`nested deeper than ${MAX_DEPTH} levels`, this.line);
    this.space();
    const line = this.line;
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth, line);
    if (c === '[') return this.array(depth, line);
    if (c === '"') return { kind: 'string', value: this.string(), line };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { kind: 'literal', value, line };
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (!number) throw new JsonError('not a JSON value', line);
    this.pos += number[0].length;
    return { kind: 'number', raw: number[0], line };
  }

  private string(): string {
    STRING.lastIndex = this.pos;
    const match = STRING.exec(this.text);
    if (!match) throw new JsonError('a string that does not end, or a bad escape', this.line);
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.pos] !== char) throw new JsonError(`“${char}” expected`, this.line);
    this.pos++;
  }

  /** Whether the list goes on (a comma) or ends (`close`). */
  private more(close: string): boolean {
    this.space();
    const c = this.text[this.pos];
    this.pos++;
    if (c === ',') return true;
    if (c === close) return false;
    throw new JsonError(`“,” or “${close}” expected`, this.line);
  }

  private object(depth: number, line: number): JsonNode {
    this.pos++;
    const entries: { key: string; line: number; value: JsonNode }[] = [];
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', entries, line };
    }
    do {
      this.space();
      const keyLine = this.line;
      if (this.text[this.pos] !== '"') throw new JsonError('a property name expected', this.line);
      const key = this.string();
      this.expect(':');
      entries.push({ key, line: keyLine, value: this.value(depth + 1) });
    } while (this.more('}'));
    return { kind: 'object', entries, line };
  }

  private array(depth: number, line: number): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items, line };
    }
    do items.push(this.value(depth + 1));
    while (this.more(']'));
    return { kind: 'array', items, line };
  }
}

/** The JSON value of `text`, or where and why it is not JSON. */
export function parseJsonLines(text: string): JsonNode | { error: string; line: number } {
  try {
    return new Parser(text).parse();
  } catch (error) {
    if (error instanceof JsonError) return { error: error.message, line: error.line };
    throw error;
  }
}
