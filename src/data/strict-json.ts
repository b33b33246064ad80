/**
 * Strict JSON for input that says it is JSON (a `.json` answers file, a batch
 * line): where JSON.parse only says "not valid", this finds the first place the
 * text breaks the JSON grammar, and a key written twice in one object (which
 * JSON.parse silently resolves to the last). No dependencies: batch mode loads it.
 */

import type { ProblemTranslate } from '../i18n/problems.js';
import { quotedKey } from '../util/safe-text.js';
import '../core.js';

/** What is wrong at `offset` (0-based, in UTF-16 units of the text). */
export type JsonProblemKind = 'value' | 'key' | 'trailing-comma' | 'comma' | 'colon' | 'comma-object' | 'comma-array' | 'end' | 'string' | 'duplicate' | 'comment' | 'bom' | 'single-quote';

export interface JsonProblem {
  offset: number;
  kind: JsonProblemKind;
  /** The repeated key, for 'duplicate'. */
  key?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The first problem of a text as strict JSON (RFC 8259, plus: no key twice in
 * an object), or undefined when it is valid. Iterative, so nesting cannot
 * overflow the stack.
 */
export function findJsonProblem(text: string): JsonProblem | undefined {
  const n = text.length;
  let i = 0;
  // For each open container: the keys of an object, or null for an array.
  const stack: (Set<string> | null)[] = [];
  let mode: 'value' | 'key' | 'after' = 'value';
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  };
  // A comment (// or /* */) where a value, a key, a comma or the end should be is the usual slip: JSON has none. So is a
  // byte order mark (invisible) where files were joined together: `cat a.json b.json` brings b's along.
  // A comma where a key or value should be: one too many ("1,,", "{,"), not a missing key or value.
  // A key or a value in single quotes ('version': 1), as JavaScript writes them, is said as that (QA: flow authoring; it was
  // told that JSON allows no comma before "}").
  const at = (kind: JsonProblemKind): JsonProblem => ({ offset: Math.min(i, n), kind: kind === 'string' ? kind : /^\/[/*]/.test(text.slice(i, i + 2)) ? 'comment' : text.charCodeAt(i) === 0xfeff ? 'bom' : (kind === 'key' || kind === 'value') && text[i] === ',' ? 'comma' : (kind === 'key' || kind === 'value') && text[i] === "'" ? 'single-quote' : trailingComma(kind) ? 'trailing-comma' : kind });
  // A comma after the last entry ("a": 1,}, "1,]"): said as that only then, not with every key or value expected (QA: scripts).
  const trailingComma = (kind: JsonProblemKind) => {
    if (!(kind === 'key' ? text[i] === '}' : kind === 'value' && text[i] === ']')) return false;
    let j = i - 1;
    for (let c = text.charCodeAt(j); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(--j));
    return text[j] === ',';
  };
  /** Reads the string that starts at i; its value, or undefined (i then points at the fault). */
  const readString = (): string | undefined => {
    const start = i;
    for (i++; i < n; ) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c < 0x20) return undefined;
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return undefined;
        i = ESCAPE.lastIndex;
      } else i++;
    }
    return undefined;
  };

  for (;;) {
    skipSpace();
    if (mode === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          mode = 'after';
        } else {
          stack.push(c === '{' ? new Set() : null);
          mode = c === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (c === '"') {
        if (readString() === undefined) return at('string');
        mode = 'after';
        continue;
      }
      NUMBER.lastIndex = i;
      if (NUMBER.test(text)) {
        i = NUMBER.lastIndex;
        mode = 'after';
        continue;
      }
      const literal = LITERALS.find((l) => text.startsWith(l, i));
      if (literal === undefined) return at('value');
      i += literal.length;
      mode = 'after';
    } else if (mode === 'key') {
      if (text[i] !== '"') return at('key');
      const start = i;
      const key = readString();
      if (key === undefined) return at('string');
      const keys = stack.at(-1)!;
      if (keys.has(key)) return { offset: start, kind: 'duplicate', key };
      keys.add(key);
      skipSpace();
      if (text[i] !== ':') return at('colon');
      i++;
      mode = 'value';
    } else {
      if (stack.length === 0) return i < n ? at('end') : undefined;
      const keys = stack.at(-1)!;
      if (text[i] === ',') {
        i++;
        mode = keys === null ? 'value' : 'key';
      } else if (text[i] === (keys === null ? ']' : '}')) {
        i++;
        stack.pop();
      } else return at(keys === null ? 'comma-array' : 'comma-object');
    }
  }
}

/** The words for a problem, in the catalogue's language. */
export function jsonProblemText(p: JsonProblem, message: ProblemTranslate): string {
  return p.kind === 'duplicate' ? message('json.duplicate', { key: quotedKey(p.key ?? '') }) : message(`json.${p.kind}`);
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** No data file of ours nests anywhere near this deep. */
export const MAX_DEPTH = 64;

/**
 * One pass over a text that looks like JSON: how many keys its objects write,
 * and where it first nests deeper than MAX_DEPTH. Strings are skipped whole, so
 * brackets inside them do not count. (For text that is not JSON the figures are
 * meaningless, and JSON.parse refuses it anyway.)
 */
export function jsonShape(json: string): { keys: number; tooDeepAt?: number } {
  // For each open bracket: true for an object, false for an array.
  const objects: boolean[] = [];
  let keys = 0;
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote: the next one not escaped by an odd number of backslashes (indexOf is native and fast).
      let j = i;
      for (;;) {
        j = json.indexOf('"', j + 1);
        if (j === -1) return { keys };
        let slashes = 0;
        while (json.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
      }
      if (expectKey) {
        keys++;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (objects.push(c === 0x7b) > MAX_DEPTH) return { keys, tooDeepAt: i };
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = objects.at(-1) === true;
    }
  }
  return { keys };
}

/**
 * Whether a text writes a colon as an escape (JSON's \u is lower case, its hex digits either): the text's colons then no
 * longer match its keys and the colons of its parsed texts. Two native searches: a case-insensitive regular expression
 * over every file of a large folder cost `flows validate` about 2% of its time.
 */
function hasEscapedColon(text: string): boolean {
  return text.includes('\\u003a') || text.includes('\\u003A');
}

/**
 * JSON.parse, plus the two things it lets through: a key written twice in one object
 * (JSON.parse keeps the last without a word) and nesting deeper than MAX_DEPTH
 * (JSON.parse itself does not recurse). Undefined when the text is not JSON.
 *
 * Repeats are found by counting, not by a second parse: every key is followed by
 * one colon and every other colon is inside a text, so without a repeat the text's
 * colons are the keys plus the colons of the parsed texts; a repeat that JSON.parse
 * dropped leaves the parsed value with fewer of both. Counting colons is a native
 * search; only a text that writes a colon as an escape (\u003a) is walked by hand.
 */
export function parseJson(text: string): { value: unknown; repeatsKey: boolean; tooDeep: boolean } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return { value, repeatsKey: false, tooDeep: false };
  const shape = valueShape(value);
  let repeatsKey: boolean;
  if (hasEscapedColon(text)) repeatsKey = shape.keys !== jsonShape(text).keys;
  else {
    let colons = 0;
    for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) colons++;
    repeatsKey = colons - shape.colons !== shape.keys;
  }
  return { value, repeatsKey, tooDeep: shape.depth > MAX_DEPTH };
}

/** How deep a parsed JSON value nests, how many keys its objects have and how many colons its texts (keys and values) hold; iteratively. */
function valueShape(root: unknown): { depth: number; keys: number; colons: number } {
  let keys = 0;
  let colons = 0;
  let deepest = 0;
  const values: unknown[] = [root];
  const depths: number[] = [1];
  const visit = (item: unknown, depth: number) => {
    if (typeof item === 'string') colons += colonsIn(item);
    else if (typeof item === 'object' && item !== null) {
      values.push(item);
      depths.push(depth);
    }
  };
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else {
      for (const key in value) {
        keys++;
        colons += colonsIn(key);
        visit((value as Record<string, unknown>)[key], depth + 1);
      }
    }
  }
  return { depth: deepest, keys, colons };
}

function colonsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/**
 * Parses strict JSON: the value, or the first problem. The common case (valid,
 * no repeated key) costs JSON.parse plus one pass counting keys; the grammar
 * walk runs only to place a problem.
 */
export function parseStrictJson(text: string): { value: unknown } | { problem: JsonProblem } {
  const parsed = parseJson(text);
  if (!parsed) return { problem: findJsonProblem(text) ?? { offset: 0, kind: 'value' } };
  if (parsed.repeatsKey) {
    const problem = findJsonProblem(text);
    if (problem) return { problem };
  }
  return { value: parsed.value };
}
