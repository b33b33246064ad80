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
  return multiline ? cleaned : cleaned.replace(/[\t\n]+/g, ' ');
}

/** User input quoted inside a message: printable, on one line, and short. */
export function clip(text: string, max = 60): string {
  const printable = safeText(text);
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}
