/**
 * Text from data files and user input is printed only after this: control
 * characters, terminal escape sequences and bidirectional overrides are removed,
 * so a hostile file cannot rewrite the screen or disguise what it says.
 */
// ESC-introduced sequences (CSI, OSC, and two-character escapes).
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// C0 and C1 controls except tab and newline; bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Removes escape sequences and control characters; keeps newlines and tabs when `multiline`. */
export function safeText(text: string, multiline = false): string {
  const cleaned = text.replace(ESCAPES, '').replace(CONTROLS, '');
  if (multiline || (!cleaned.includes('\n') && !cleaned.includes('\t'))) return cleaned;
  // On one line, a line break and the indentation around it are one space ("used:\n  file:1:1: …" reads "used: file:1:1: …").
  // Trimmed piece by piece: a pattern with spaces on both sides would backtrack over a long run of spaces.
  const parts = cleaned.split(/[\t\n]+/);
  return parts.map((part, i) => (i === 0 ? part.trimEnd() : i === parts.length - 1 ? part.trimStart() : part.trim())).join(' ');
}

// What clip shows as escapes: the characters safeText removes, plus tab and newline, and the other invisible
// format characters (zero-width space and joiners, word joiner, soft hyphen, byte order mark): quoted raw, they
// would make the quote look like text it is not.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /^[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]$/;

/**
 * The first character of a value given on one line (a case fact, a text to check) that is no part of what it looks
 * like: a control character (tab and newline too), a bidirectional mark, embedding, override or isolate, or another
 * invisible format character (a zero-width space, as text copied from a chat or web page may hold). Such a value is
 * refused with the character's place, as a data file's text is (src/data/checker.ts): a TxID or address holding one
 * would silently fail its checks, or show the desk a value that is not the one kept. `position` counts characters from 1;
 * a line break is allowed when `multiline` (an error message copied with its lines), as in a data file's multi-line text.
 */
export function hiddenCharacter(text: string, multiline = false): { position: number; char: string } | undefined {
  let position = 0;
  for (const c of text) {
    position++;
    if (INVISIBLE.test(c) && !(multiline && c === '\n')) return { position, char: characterName(c.codePointAt(0)!) };
  }
  return undefined;
}

/** The text without the characters hiddenCharacter finds (line breaks kept when `multiline`): what it looks like, offered to keep or correct. */
export function withoutHidden(text: string, multiline = false): string {
  let out = '';
  for (const c of text) if (!INVISIBLE.test(c) || (multiline && c === '\n')) out += c;
  return out;
}

/** A character as "U+200B (zero-width space)": its code, and the name editors and keyboards give it where it has one. */
export function characterName(code: number): string {
  const name = CHARACTER_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** The names of the characters typed or pasted without being seen. */
const CHARACTER_NAMES: Record<number, string> = { 0x09: 'Tab', 0xad: 'SHY', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x200b: 'ZWSP', 0x200c: 'ZWNJ', 0x200d: 'ZWJ', 0x2060: 'WJ', 0xfeff: 'BOM' };

/**
 * User input quoted inside a message: on one line, short, and with every control character,
 * escape and bidirectional mark shown as an escape (`\x1b`, `\u202e`, `\n`) instead of acting
 * on the terminal. Removing them instead would misquote the input: a message would say that
 * "net\x1b[2Jwork" is no question while naming "network" as one.
 */
export function clip(text: string, max = 60): string {
  let out = '';
  for (const c of text) {
    if (out.length >= max) return `${out}…`;
    out += INVISIBLE.test(c) ? escapeChar(c) : c;
  }
  return out;
}

/**
 * A file or folder name shown in text (a problem's place, a warning, an error): whole, with its control characters,
 * escapes and bidirectional or invisible marks written out as clip writes them, so the name printed is the real
 * file's (`e\x1b[31m.yaml`), not another one's that the terminal made of it, or that removing them would make.
 */
export function shownPath(path: string): string {
  return clip(path, Infinity);
}

/** A problem in a data file, as `file:line:column: message` (the way compilers write it, so editors and terminals can jump to it): the file name shown as shownPath does, the message made safe. */
export function formatProblem(p: { file: string; line: number; column: number; message: string }): string {
  return `${shownPath(p.file)}:${p.line}:${p.column}: ${safeText(p.message)}`;
}

/**
 * A value a request sent, for the JSON details of an error about it: as it was sent (JSON writes its control
 * characters as escapes, and a script can match it against what it sent), cut after `max` characters like
 * clip. The message quotes it with clip. Only for values already screened for secrets.
 */
export function sentValue(text: string, max = 60): string {
  if (text.length <= max) return text;
  let out = '';
  for (const c of text) {
    if (out.length >= max) return `${out}…`;
    out += c;
  }
  return out;
}

function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// What JSON.stringify leaves raw but a terminal may act on: C1 controls, bidirectional marks, line and paragraph separators.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for output that may hold user input or a file name: as JSON.stringify, with the characters it
 * leaves raw but a terminal may act on written as \u escapes (JSON.stringify escapes only C0).
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A key of a data file quoted in a problem (one written twice): keys are ids, so one that could hold a
 * secret (long, or with spaces or digits: a recovery phrase pasted as a key) is not quoted at all. Its
 * first characters would be most of it. The problem's line and column still point at it.
 */
export function quotedKey(key: string): string {
  return mayHoldSecret(key) ? '…' : clip(key, 60);
}

/**
 * A cheap test for command-line arguments and keys: ids, flags, short values and plain
 * paths cannot hold a secret, so most runs never load the scanner.
 */
export function mayHoldSecret(text: string): boolean {
  if (text.length < 12) return false;
  // eslint-disable-next-line no-control-regex
  return text.length >= 47 || /\d{4}|\s|[^\u0000-\u007f]/.test(text);
}

const WIDE = /[\u3000\uff01-\uff5e]/;

/**
 * Full-width ASCII forms (ＡＢＣ１２３，the ideographic space) become their ASCII
 * counterparts, one UTF-16 unit for one, so offsets in the folded text are
 * offsets in the input. Chinese IMEs produce these forms routinely.
 */
export function foldWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += text[i];
  }
  return out;
}
