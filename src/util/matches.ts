/**
 * The matches of a global regular expression in a text, one at a time, as
 * `text.matchAll(re)` gives them. `matchAll` first copies the expression (the
 * specification's species constructor: a new RegExp on every call, ~0.3 µs),
 * which was a third of the time the screens of src/safety took on a short text;
 * this reads the expression's matches with `exec` from a position of its own,
 * from the start of the text, so a loop may stop early, and another loop over
 * the same expression inside it does not disturb it.
 */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  if (!re.global) throw new TypeError(`matchesOf needs a global regular expression: ${String(re)}`);
  const unicode = re.unicode || re.flags.includes('v');
  // The expression's own lastIndex is left as it was found, also when a loop stops early.
  const before = re.lastIndex;
  try {
    let at = 0;
    while (at <= text.length) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) return;
      at = re.lastIndex;
      // An empty match moves on by one character (a whole surrogate pair where the expression reads code points), as matchAll does.
      if (m[0] === '') at += unicode && isPairAt(text, at) ? 2 : 1;
      yield m;
    }
  } finally {
    re.lastIndex = before;
  }
}

function isPairAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff;
}
