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

// What clip shows as escapes: the characters safeText removes, plus tab and newline.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /^[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]$/;

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
