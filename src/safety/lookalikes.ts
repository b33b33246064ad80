/**
 * Letters that pass for plain Latin ones: the look-alikes used against wallet brands and to disguise words (Cyrillic,
 * Greek, a few Latin letters, small capitals), our own compact table, not Unicode's full confusables.txt: this is
 * detection logic we own, not a solved library problem worth a dependency. verify builds its skeleton on it; the
 * screens read words and secrets through it. Imported through the secret scanner (secrets.ts), whose chunk holds it.
 */
import '../core.js';

/** Pairs of characters, one of `from` for one of `to`. */
export function pairs(from: string, to: string): [string, string][] {
  return Array.from(from, (ch, i) => [ch, to[i]!]);
}

/** Letters of other scripts (and odd Latin ones) that look like a plain Latin letter; built on first use (most runs need none). */
let table: Map<string, string> | undefined;
export function lookalikeLetters(): ReadonlyMap<string, string> {
  return (table ??= new Map<string, string>([
  // Cyrillic а е о р с у х і ј ѕ һ ԁ ӏ ԛ ԝ к
  ...pairs('\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04bb\u0501\u04cf\u051b\u051d\u043a', 'aeopcyxijshdlqwk'),
  // Cyrillic А В Е К М Н О Р С Т Х І Ѕ Ј
  ...pairs('\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0405\u0408', 'abekmhopctxlsj'),
  // Greek α ο ρ ν ι κ τ υ χ ε γ
  ...pairs('\u03b1\u03bf\u03c1\u03bd\u03b9\u03ba\u03c4\u03c5\u03c7\u03b5\u03b3', 'aopviktuxey'),
  // Greek Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
  ...pairs('\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7', 'abezhlkmnoptyx'),
  // Latin dotless ı, script ɑ ɡ, dental click ǀ
  ...pairs('\u0131\u0251\u0261\u01c0', 'iagl'),
  // Latin small capitals ᴀ ʙ ᴄ ᴅ ᴇ ꜰ ɢ ʜ ɪ ᴊ ᴋ ʟ ᴍ ɴ ᴏ ᴘ ʀ ꜱ ᴛ ᴜ ᴠ ᴡ ʏ ᴢ ("ʀᴇᴄᴏᴠᴇʀʏ ᴘʜʀᴀꜱᴇ"), which NFKC leaves as they are
  ...pairs('\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274\u1d0f\u1d18\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22', 'abcdefghijklmnoprstuvwyz'),
  ]));
}

let lookalikeLetter: RegExp | undefined;

/**
 * A text with every look-alike letter of the table written as the Latin letter it passes for: "rеcovery" with a Cyrillic
 * е reads "recovery". Digits and a capital I stay as they are. One character for one, so offsets are kept.
 */
export function withLatinLookalikes(text: string): string {
  const letters = lookalikeLetters();
  lookalikeLetter ??= new RegExp(`[${[...letters.keys()].join('')}]`, 'g');
  return text.replace(lookalikeLetter, (ch) => letters.get(ch)!);
}
