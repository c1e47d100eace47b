/**
 * Finds where the items of a large JSON annotation file are, in its UTF-8 bytes, without
 * parsing the whole tree: a top-level array gives its elements; a top-level object gives each
 * of its fields (the last of a repeated key wins, as in JSON.parse) and, for the item lists
 * (`items`, `rows`, and the `items` of an embedded `first` page), each element. Each element is
 * then parsed alone (JSON.parse of its slice), so it dies young instead of living on in a tree
 * of 100 MB that the garbage collector copies again and again.
 *
 * The scanner only checks the skeleton (brackets, commas, colons, where strings end); every
 * slice is still checked by JSON.parse when it is read. Anything it does not expect (a byte
 * order mark, another shape, a syntax error) gives null: the caller then parses the whole text
 * the usual way, so errors and odd shapes read exactly as before.
 */

/** A byte range [start, end) of the file. */
export interface Span {
  start: number;
  end: number;
}

export type DocumentSpans =
  | { kind: 'array'; elements: Span[] }
  | {
      kind: 'object';
      fields: Map<string, Span>;
      lists: Map<string, Span[] | 'other'>;
      /** Every value passed over and not in a list (JSON.parse must still check them), and every list found, even one a repeated key replaced. */
      unchecked: { values: Span[]; lists: Span[][] };
    };

/** The field names whose array elements are read one by one. */
const LISTS = new Set(['items', 'rows']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** A file's bytes and their UTF-8 decoder (shared code has no decoder of its own: Node's Buffer gives one). */
export interface Utf8File {
  bytes: Uint8Array;
  /** The text of bytes [start, end), invalid UTF-8 replaced as when the whole file is decoded. */
  text(start?: number, end?: number): string;
}

class NotSimple extends Error {}

export const textOf = (file: Utf8File, span: Span): string => file.text(span.start, span.end);

function scanner(file: Utf8File) {
  const bytes = file.bytes;
  let at = 0;
  const fail = (): never => {
    throw new NotSimple();
  };
  const space = (): void => {
    for (;;) {
      const c = bytes[at];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
      else return;
    }
  };
  /** From an opening quote to just past its closing quote (a backslash escapes the byte after it). */
  const string = (): void => {
    const length = bytes.length;
    let i = at + 1;
    for (let d = bytes[i]; d !== QUOTE; d = bytes[++i]) {
      if (d === BACKSLASH) i++;
      if (i >= length) fail();
    }
    at = i + 1;
  };
  /** Past one value of any kind, by its brackets (its content is checked when it is parsed). */
  const value = (): Span => {
    space();
    const start = at;
    const c = bytes[at];
    if (c === QUOTE) string();
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      let depth = 0;
      do {
        const d = bytes[at];
        if (d === QUOTE) {
          string();
          continue;
        }
        if (d === OPEN_ARRAY || d === OPEN_OBJECT) depth++;
        else if (d === CLOSE_ARRAY || d === CLOSE_OBJECT) depth--;
        else if (d === undefined) fail();
        at++;
      } while (depth > 0);
    } else {
      while (at < bytes.length && !' \t\r\n,]}:'.includes(String.fromCharCode(bytes[at]!))) at++;
      if (at === start) fail();
    }
    return { start, end: at };
  };
  /** `[`, then each element's span, then `]`. */
  const elements = (): Span[] => {
    const list: Span[] = [];
    at++;
    space();
    if (bytes[at] === CLOSE_ARRAY) {
      at++;
      return list;
    }
    for (;;) {
      list.push(value());
      space();
      const c = bytes[at++];
      if (c === CLOSE_ARRAY) return list;
      if (c !== COMMA) fail();
    }
  };
  /** `{`, then each field (key, value span), calling `onField`, then `}`. */
  const fields = (onField: (key: string) => void): void => {
    at++;
    space();
    if (bytes[at] === CLOSE_OBJECT) {
      at++;
      return;
    }
    for (;;) {
      space();
      if (bytes[at] !== QUOTE) fail();
      const k = at;
      string();
      const key = JSON.parse(file.text(k, at)) as string;
      space();
      if (bytes[at++] !== COLON) fail();
      space();
      onField(key);
      space();
      const c = bytes[at++];
      if (c === CLOSE_OBJECT) return;
      if (c !== COMMA) fail();
    }
  };
  const end = (): void => {
    space();
    if (at !== bytes.length) fail();
  };
  return { get at() { return at; }, get byte() { return bytes[at]; }, space, value, elements, fields, end };
}

/**
 * The spans of `file`, or null when they are not an array or an object read this way. A list
 * field whose value is not an array (or a `first` that is not an object) is 'other'.
 */
export function documentSpans(file: Utf8File): DocumentSpans | null {
  const s = scanner(file);
  try {
    s.space();
    if (s.byte === OPEN_ARRAY) {
      const elements = s.elements();
      s.end();
      return { kind: 'array', elements };
    }
    if (s.byte !== OPEN_OBJECT) return null;
    const fields = new Map<string, Span>();
    const lists: Map<string, Span[] | 'other'> = new Map();
    const unchecked = { values: [] as Span[], lists: [] as Span[][] };
    const skip = (): void => void unchecked.values.push(s.value());
    const list = (key: string): void => {
      if (s.byte === OPEN_ARRAY) {
        const elements = s.elements();
        lists.set(key, elements);
        unchecked.lists.push(elements);
      } else {
        lists.set(key, 'other');
        skip();
      }
    };
    s.fields((key) => {
      const start = s.at;
      if (LISTS.has(key)) list(key);
      else if (key === 'first') {
        lists.delete('first.items');
        if (s.byte === OPEN_OBJECT) s.fields((inner) => (inner === 'items' ? list('first.items') : skip()));
        else {
          lists.set('first.items', 'other'); // pages as an array, or only named: read whole
          skip();
        }
      } else skip();
      fields.set(key, { start, end: s.at });
    });
    s.end();
    return { kind: 'object', fields, lists, unchecked };
  } catch (error) {
    if (error instanceof NotSimple || error instanceof SyntaxError) return null;
    throw error;
  }
}
