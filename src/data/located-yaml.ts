/**
 * YAML parsing that keeps positions, for data files we treat as hostile input
 * (flows, the support directory, answers files). Every problem found later can
 * be reported as file:line:column.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { extname } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isAlias, isCollection, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Lang } from '../engine/types.js';
import { list, problemTranslator, ref, type ProblemParam, type ProblemTranslate } from '../i18n/problems.js';
import { MAX_DATA_FILE_BYTES } from './limits.js';
import { DataFileError } from './read-file.js';
import { characterName, clip, formatProblem, quotedKey } from '../util/safe-text.js';
import { findJsonProblem, jsonProblemText, jsonShape, lineColumn, MAX_DEPTH, parseJson } from './strict-json.js';
import { firstInvalidUtf8 } from './utf8.js';
import '../core.js';

/** One problem in a data file, placed where the user can find it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type PathKey = string | number;

/** A place in the text: 1-based line and column, 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A parsed file: the plain value plus a way to find where any part of it came from. */
export interface LocatedValue {
  file: string;
  /** The text that was parsed. */
  source: string;
  value: unknown;
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PathKey[], which?: 'key' | 'value'): Position;
  problem(path: readonly PathKey[], message: string, which?: 'key' | 'value'): Problem;
}


/** Decodes file bytes as strict UTF-8, dropping a byte-order mark; a problem is worded in `lang`. */
export function decodeUtf8(bytes: Uint8Array, file: string, lang: Lang = 'en'): { text: string } | { problem: Problem } {
  const message = problemTranslator(lang);
  if (bytes.byteLength > MAX_DATA_FILE_BYTES) {
    return {
      problem: {
        file,
        line: 1,
        column: 1,
        message: message('file.tooLarge', tooLarge(bytes.byteLength, message)),
      },
    };
  }
  if (isUtf8(bytes)) {
    const text = decodeValidUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    return {
      problem: {
        file,
        line: lines.length,
        column: (lines.at(-1)?.length ?? 0) + 1,
        message: message('file.notUtf8'),
      },
    };
  }
}

/**
 * Bytes already known to be valid UTF-8, as text. Plain ASCII is copied as it is; anything else is converted
 * to UTF-16 by the buffer module's transcoder (vectorized, about five times V8's own decoder behind
 * toString('utf8')) and taken as UTF-16: decoding was an eighth of `flows validate`'s time on a folder of flows
 * with Chinese texts, now about half that. isUtf8 (strict, fast) is the check; TextDecoder's strict mode is
 * several times slower on large files.
 */
function decodeValidUtf8(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** Why a data file could not be read (an error of readDataFile), as a problem at its start worded in `lang`. */
export function readProblem(err: unknown, file: string, lang: Lang = 'en'): Problem {
  const message = problemTranslator(lang);
  const code = (err as NodeJS.ErrnoException).code;
  let text: string;
  if (err instanceof DataFileError) {
    text =
      err.code === 'ENOTREG'
        ? message('file.notRegular')
        : err.size === undefined
          ? message('file.tooLargeGrew', { max: formatBytes(MAX_DATA_FILE_BYTES) })
          : message('file.tooLarge', tooLarge(err.size, message));
  } else if (code === 'ENOENT') text = message('file.missing');
  else text = message('file.cannotReadParen', { reason: reasonRef(code) });
  return { file, line: 1, column: 1, message: text };
}

/** Why a file or folder cannot be read, in words for the usual error codes ("EISDIR": it is a folder), else the code. */
export function reasonRef(code: string | undefined): ProblemParam {
  switch (code) {
    case undefined:
      return ref('reason.unknown');
    case 'EISDIR':
      return ref('reason.isFolder');
    case 'ENOTDIR':
      return ref('reason.notFolder');
    case 'EACCES':
    case 'EPERM':
      return ref('reason.noPermission');
    case 'ELOOP':
      return ref('reason.tooManyLinks');
    case 'ENAMETOOLONG':
      return ref('reason.nameTooLong');
    case 'EMFILE':
    case 'ENFILE':
      return ref('reason.tooManyOpen');
    default:
      return code;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** A file's size against the limit; in bytes when megabytes would round one just over it to the limit ("2.0 MB, larger than the 2.0 MB allowed"). */
function tooLarge(size: number, message: ProblemTranslate): { size: string; max: string } {
  if (formatBytes(size) !== formatBytes(MAX_DATA_FILE_BYTES)) return { size: formatBytes(size), max: formatBytes(MAX_DATA_FILE_BYTES) };
  const bytes = (n: number) => message('file.bytes', { n: n.toLocaleString('en-US') });
  return { size: bytes(size), max: bytes(MAX_DATA_FILE_BYTES) };
}

/**
 * Parses YAML (a JSON document is YAML too) without trusting it: duplicate keys,
 * aliases and custom tags are errors, and nothing throws for bad input. Problems
 * are worded in `lang`.
 */
export function parseLocatedYaml(text: string, file: string, lang: Lang = 'en'): { doc: LocatedValue; problems: Problem[] } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Checks recurse per level: absurd nesting is refused before any sees it. A JSON document is read by
  // JSON.parse (which does not recurse), and one walk over the value finds its depth and repeated keys.
  const jsonFile = extname(file).toLowerCase() === '.json';
  const json = jsonFile || /^\s*[{[]/.test(source) ? parseJson(source) : undefined;
  // A file named .json is JSON: what YAML would also read (comments, trailing commas, single quotes) is refused
  // in JSON's terms, rather than read as YAML or reported in YAML's.
  if (jsonFile && (!json || json.repeatsKey)) {
    const problem = findJsonProblem(source) ?? { offset: 0, kind: 'value' as const };
    return { doc: emptyDoc(file, source), problems: [{ file, ...lineColumn(source, problem.offset), message: jsonProblemText(problem, problemTranslator(lang)) }] };
  }
  let fast: Parsed | undefined = json && !json.tooDeep && !json.repeatsKey ? { ok: true, value: json.value } : undefined;
  if (!fast) {
    // The YAML parsers recurse: the depth is found in the text, before they see it.
    const deep = json?.tooDeep ? (jsonShape(source).tooDeepAt ?? 0) : tooDeep(source);
    if (deep !== undefined) {
      const before = source.slice(0, deep).split('\n');
      return { doc: emptyDoc(file, source), problems: [{ file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: problemTranslator(lang)('yaml.tooDeep', { max: MAX_DEPTH }) }] };
    }
    // Most files are well formed: read the value with a fast parser and build
    // the position index (the slow part) only when a problem must be placed.
    fast = parseYaml(source);
  }
  if (fast.ok) {
    let located: ReturnType<typeof parseWithPositions> | undefined;
    const locate = (path: readonly PathKey[], which?: 'key' | 'value') => (located ??= parseWithPositions(source, file, lang)).doc.locate(path, which);
    const doc: LocatedValue = {
      file,
      source,
      value: fast.value,
      locate,
      problem: (path, message, which) => {
        const { line, column } = locate(path, which);
        return { file, line, column, message };
      },
    };
    return { doc, problems: [] };
  }
  return parseWithPositions(source, file, lang);
}

/** What a fast parser made of a text, or that it leaves the text to the position-keeping parser. */
type Parsed = { ok: true; value: unknown } | { ok: false };


/**
 * The offset where the text nests deeper than MAX_DEPTH, by brackets or by
 * indentation (two spaces a level), or undefined. Quotes are not parsed, so a
 * bracket inside a string counts too: harmless, since real files stay shallow.
 */
function tooDeep(source: string): number | undefined {
  // Two native-speed passes (indexOf from line to line, a regular expression for brackets); the first offset wins.
  let deepest: number | undefined;
  for (let lineStart = 0; lineStart < source.length; ) {
    let i = lineStart;
    while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 45 /* - */) i++;
    if (i - lineStart > MAX_DEPTH * 4) {
      deepest = lineStart + MAX_DEPTH * 4;
      break;
    }
    const newline = source.indexOf('\n', i);
    lineStart = newline === -1 ? source.length : newline + 1;
  }
  const brackets = /[[\]{}]/g;
  let depth = 0;
  for (let m = brackets.exec(source); m && (deepest === undefined || m.index < deepest); m = brackets.exec(source)) {
    if (m[0] === '[' || m[0] === '{') {
      if (++depth > MAX_DEPTH) return m.index;
    } else depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/**
 * Anchors, aliases and tags send a file to the careful parser, which refuses them with their position;
 * so do explicit keys ("? ") and lists or mappings written where a key may stand, which it refuses too,
 * and 0b… binary numbers, which js-yaml reads as numbers where YAML 1.2 (and the careful parser) reads text.
 *
 * Each alternative starts with its rare character and looks behind for what may stand before it, so the
 * search jumps from one such character to the next. Led by what may stand before (mostly a space), it
 * stopped at every space of a file, a sixth of the time of checking a YAML flow. The readable form, which
 * a property test holds it to, is
 *   (?:^|[\s,[{:-])[&*!][^\s,\]}]  |  (?:^|[\s,[{])\?(?:[ \t\n]|$)  |  (?:^|[\n,{])[ \t]*[[{]  |  (?:^|[\s,[{:-])[-+]?0b[01]+(?=[\s,\]}#]|$)
 */
export const NEEDS_CAREFUL_PARSER =
  /[&*!](?<=(?:^|[\s,[{:-])[&*!])(?=[^\s,\]}])|\?(?<=(?:^|[\s,[{])\?)(?=[ \t\n]|$)|[[{](?<=(?:^|[\n,{])[ \t]*[[{])|0b[01]+(?=[\s,\]}#]|$)(?<=(?:^|[\s,[{:-])[-+]?0b[01]+)/;

/**
 * js-yaml (YAML 1.2 core schema, duplicate keys refused) for plain YAML: several
 * times faster than the position-keeping parser. Anything unusual (anchors,
 * aliases, tags, any error) falls back to that one.
 */
function parseYaml(source: string): Parsed {
  // A %YAML directive too: the careful parser reads what it says, and refuses it (see parseWithPositions).
  if (NEEDS_CAREFUL_PARSER.test(source) || source.includes('%YAML') || (source.includes(' #') && HASH_AFTER_TEXT.test(source))) return { ok: false };
  try {
    const value = loadYaml(source, { schema: CORE_SCHEMA, json: false });
    return { ok: true, value: value === undefined ? null : value };
  } catch {
    return { ok: false };
  }
}

/**
 * " #" and a character after a word: "Add the card #2 now" is read as "Add the card" and a comment, without a word
 * (QA: flow authoring). Such a file goes to the careful parser, which says so (a comment written "# note" does not).
 */
const HASH_AFTER_TEXT = /[^\s#][ \t]+#[^\s#]/;

/**
 * The first unquoted text (the value of an "en:" or "zh:") cut short by what reads as a comment ("#2 now"): the offset of
 * its "#", and what was cut. An id's comment ("next: card-expired #TODO") is a comment (review).
 */
function textCutByHash(document: Document.Parsed, source: string): { at: number; rest: string } | undefined {
  let found: { at: number; rest: string } | undefined;
  visit(document, {
    Pair(_key, pair) {
      const node = pair.value;
      if (!isScalar(pair.key) || (pair.key.value !== 'en' && pair.key.value !== 'zh') || !isScalar(node)) return undefined;
      if (node.type !== 'PLAIN' || node.comment == null || !node.range || /^\s/.test(node.comment)) return undefined;
      const at = source.indexOf('#', node.range[1]);
      if (at === -1) return undefined;
      found = { at, rest: source.slice(at, source.indexOf('\n', at) === -1 ? undefined : source.indexOf('\n', at)).trimEnd() };
      return visit.BREAK;
    },
  });
  return found;
}

function parseWithPositions(source: string, file: string, lang: Lang): { doc: LocatedValue; problems: Problem[] } {
  const message = problemTranslator(lang);
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col, offset };
  };
  // A problem at an offset: its file, line and column, as every problem is written (the offset is not part of one).
  const problemAt = (offset: number, text: string): Problem => {
    const { line, column } = pos(offset);
    return { file, line, column, message: text };
  };
  let document: Document.Parsed;
  try {
    document = parseDocument(source, {
      lineCounter,
      // The library's own duplicate-key check compares every key with every other
      // (minutes on a hostile file); ours below uses a set per mapping.
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
      customTags: [],
      resolveKnownTags: false,
      merge: false,
      // Keys stay nodes: turning a key that is itself a mapping into text doubles with every level of
      // nesting ("? ? ? … x", 62 bytes, took gigabytes). Such keys are refused below; ours are all text.
      stringKeys: false,
    });
  } catch (err) {
    problems.push({ file, line: 1, column: 1, message: message('yaml.unreadable', { detail: (err as Error).message }) });
    return { doc: emptyDoc(file, source), problems };
  }
  // The first syntax error only: after it the parser is out of step with the file, and what it reports
  // next (a wrong indentation on every later line of the mapping) is mostly that same mistake again.
  // It comes first: a list item indented a column too little is a syntax error that also makes a "key" of a list.
  const [error] = document.errors;
  // Past the end of the document's value ("{…}" and then another "{…}", as two JSON documents on standard input).
  const rootEnd = isNode(document.contents) ? document.contents.range?.[1] : undefined;
  // A text cut short by " #" is said as that, and first: in "{ en: Card #1, zh: … }" the comment takes the closing brace
  // too, and the syntax error it makes ("{ } is not closed") would send the author looking for the wrong thing.
  const cut = source.includes('#') ? textCutByHash(document, source) : undefined;
  const errorAt = error ? syntaxOffset(error, source, document) : undefined;
  // (Compared where the parser found its error, which is said at the construct it breaks: the "{" of the mapping.)
  if (cut && (!error || cut.at <= error.pos[0])) problems.push(problemAt(cut.at, message('yaml.hashCutsText', { rest: clip(cut.rest, 40) })));
  else if (error) problems.push(problemAt(errorAt!, syntaxMessage(error, message, source, rootEnd !== undefined && error.pos[0] >= rootEnd)));
  // A key that is a list or a mapping: no file of ours has one, and none is read any further (nested ones make
  // indexing them exponential); said as such unless a syntax error, said above, is what made it.
  let complexKey: number | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (isNode(pair.key) && !isScalar(pair.key)) {
        complexKey = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (complexKey !== undefined) {
    if (!error) problems.push(problemAt(complexKey, message('yaml.complexKey')));
    return { doc: emptyDoc(file, source), problems };
  }
  // An anchor (&name) is only there to be repeated by an alias, which is refused below (at the alias, the place to
  // write the value out): an anchor without one is refused as well.
  if (problems.length === 0) {
    let anchored: { anchor: string; at: number } | undefined;
    let aliased = false;
    visit(document, {
      Alias() {
        aliased = true;
        return visit.BREAK;
      },
      Node(_key, node) {
        if (node.anchor && !isAlias(node)) anchored ??= { anchor: node.anchor, at: node.range?.[0] ?? 0 };
        return undefined;
      },
    });
    if (anchored && !aliased) problems.push(problemAt(anchored.at, message('yaml.anchor', { name: clip(anchored.anchor, 40) })));
    // A tag ("!Important", "!!str") is dropped or changes what a value is read as, without a word: "en: !Important Has
    // the card expired?" read as "Has the card expired?" (QA: flow authoring). Refused where it is written.
    let tagged: number | undefined;
    visit(document, {
      Node(_key, node) {
        if (!node.tag || !node.range) return undefined;
        // The tag's first character ("!!int", "!e!x"): back from its last "!" to what stands before a tag.
        let start = source.lastIndexOf('!', node.range[0]);
        while (start > 0 && !/[\s[{,]/.test(source[start - 1]!)) start--;
        tagged = start === -1 ? node.range[0] : start;
        return visit.BREAK;
      },
    });
    if (tagged !== undefined) problems.push(problemAt(tagged, message('yaml.tag', { tag: clip(/^\S*/.exec(source.slice(tagged))![0], 40) })));
    // "%YAML 1.1" would make "no" and "on" booleans, and only in this parser: refused, so a file reads the same whichever
    // parser reads it.
    const version = document.directives?.yaml;
    if (version?.explicit && version.version !== '1.2') problems.push(problemAt(Math.max(0, source.indexOf('%YAML')), message('yaml.version', { version: version.version })));
  }
  const { index, duplicates } = indexPositions(document.contents);
  // Keys repeated after a key with no value ("agent:" indented under "text:", then its en and zh): said once, at that key,
  // as the indentation slip it is, rather than as each key twice (QA: UX review).
  const afterEmpty = new Map<number, { empty: string; keys: string[] }>();
  const repeats: { offset: number; text: () => string }[] = [];
  for (const { offset, key, after } of duplicates) {
    const said = after && afterEmpty.get(after.offset);
    if (said) said.keys.push(key);
    else if (after) {
      const entry = { empty: after.key, keys: [key] };
      afterEmpty.set(after.offset, entry);
      repeats.push({ offset: after.offset, text: () => message('yaml.repeatAfterEmpty', { empty: quotedKey(entry.empty), keys: list(entry.keys.map(quotedKey)) }) });
    } else repeats.push({ offset, text: () => message('yaml.duplicateKey', { key: quotedKey(key) }) });
  }
  for (const { offset, text } of repeats.sort((a, b) => a.offset - b.offset)) problems.push(problemAt(offset, text()));
  let value: unknown = null;
  if (problems.length === 0) {
    try {
      // Aliases only make sense for files far bigger than ours; refusing them stops alias bombs.
      value = document.toJS({ maxAliasCount: 0 });
    } catch (err) {
      // Placed at the first alias, where the author can see what to write out in full.
      let at: Position = { line: 1, column: 1, offset: 0 };
      visit(document, {
        Alias(_key, node) {
          if (node.range) at = pos(node.range[0]);
          return visit.BREAK;
        },
      });
      problems.push({
        file,
        line: at.line,
        column: at.column,
        message: err instanceof ReferenceError ? message('yaml.alias') : message('yaml.unreadable', { detail: (err as Error).message }),
      });
    }
  }
  // Every node's place, indexed once by path: a file with thousands of problems stays fast.
  const locate = (path: readonly PathKey[], which: 'key' | 'value' = 'value'): Position => {
    for (let n = path.length; n >= 0; n--) {
      const found = index.get(pathKey(path.slice(0, n)));
      if (found) return pos(which === 'key' && n === path.length && found.key !== undefined ? found.key : found.value);
    }
    return { line: 1, column: 1, offset: 0 };
  };
  const doc: LocatedValue = {
    file,
    source,
    value,
    locate,
    problem: (path, message, which) => {
      const { line, column } = locate(path, which);
      return { file, line, column, message };
    },
  };
  return { doc, problems };
}

function pathKey(path: readonly PathKey[]): string {
  return path.map(String).join('\u0000');
}

/** Start offsets of every node (and of the key of every mapping entry) by path, and where keys repeat within a mapping. */
/** A key written twice in one mapping; `after`, a key with no value between the two, which the second likely belongs under. */
interface Duplicate {
  offset: number;
  key: string;
  after?: { key: string; offset: number };
}

function indexPositions(root: unknown): { index: Map<string, { key?: number; value: number }>; duplicates: Duplicate[] } {
  const index = new Map<string, { key?: number; value: number }>();
  const duplicates: Duplicate[] = [];
  const stack: { node: unknown; path: PathKey[]; key?: number }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path, key } = stack.pop()!;
    if (!isNode(node) || !node.range) continue;
    index.set(pathKey(path), key === undefined ? { value: node.range[0] } : { key, value: node.range[0] });
    if (!('items' in node) || !Array.isArray(node.items)) continue;
    // Each key's place in the mapping, and the last key so far without a value.
    const seen = new Map<string, number>();
    let empty: { key: string; at: number; offset: number } | undefined;
    (node.items as unknown[]).forEach((item, i) => {
      if (item && typeof item === 'object' && 'key' in item && 'value' in item) {
        const k = (item as { key: unknown }).key;
        const name = isNode(k) && 'value' in k ? String((k as { value: unknown }).value) : String(k);
        const keyStart = isNode(k) && k.range ? k.range[0] : undefined;
        const first = seen.get(name);
        if (first !== undefined) duplicates.push({ offset: keyStart ?? node.range![0], key: name, ...(empty && empty.at > first ? { after: { key: empty.key, offset: empty.offset } } : {}) });
        else seen.set(name, i);
        const value = (item as { value: unknown }).value;
        if (!isNode(value) || (isScalar(value) && value.value === null && value.source === '')) empty = { key: name, at: i, offset: keyStart ?? node.range![0] };
        // An entry without a value ("key:") is placed at its key.
        if (isNode(value)) stack.push({ node: value, path: [...path, name], ...(keyStart === undefined ? {} : { key: keyStart }) });
        else if (keyStart !== undefined) index.set(pathKey([...path, name]), { key: keyStart, value: keyStart });
      } else stack.push({ node: item, path: [...path, i] });
    });
  }
  duplicates.sort((a, b) => a.offset - b.offset);
  return { index, duplicates };
}

function emptyDoc(file: string, source: string): LocatedValue {
  const locate = () => ({ line: 1, column: 1, offset: 0 });
  return { file, source, value: null, locate, problem: (_p, message) => ({ file, line: 1, column: 1, message }) };
}

/**
 * Where to place a syntax error: where the parser stopped, except for a quote never closed, which it reports where
 * the text ran out (the end of the line or of the file): that is placed at the quote that opened it, the one to fix.
 */
function syntaxOffset(e: { code: string; message: string; pos: [number, number] }, source: string, document: Document.Parsed): number {
  if (unclosedFlow(e)) return flowOpening(document, e.pos[0]) ?? e.pos[0];
  // A value that goes on to a line holding "key: value" ("network: ok⏎  balance: sufficient"): placed at that line, where the
  // key that needs a line of its own stands, not at the start of the value on the line above (QA: UX review).
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const colon = source.slice(e.pos[0], e.pos[0] + 2000).search(/:(?:[ \t]|$)/m);
    const lineStart = colon === -1 ? -1 : source.lastIndexOf('\n', e.pos[0] + colon) + 1;
    if (lineStart > e.pos[0]) {
      let at = lineStart;
      while (source[at] === ' ') at++;
      return at;
    }
  }
  // A line indented wrongly is placed where its text starts, so the column shows how far in it stands.
  if (e.code === 'BAD_INDENT' || e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    let at = e.pos[0];
    while (source[at] === ' ') at++;
    return source[at] === '\n' || at >= source.length ? e.pos[0] : at;
  }
  const quote = e.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(yamlDetail(e.message))?.[1] : undefined;
  if (!quote) return e.pos[0];
  // The opening quote is the last one before the end that does not stand inside the text: not an escaped \" in a
  // double-quoted text, nor one of the '' that write a quote in a single-quoted one.
  let at = source.lastIndexOf(quote, e.pos[0] - 1);
  while (at > 0) {
    if (quote === '"') {
      let backslashes = 0;
      while (source[at - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) break;
      at = source.lastIndexOf(quote, at - 1);
    } else if (source[at - 1] === "'") at = source.lastIndexOf(quote, at - 2);
    else break;
  }
  return at >= 0 ? at : e.pos[0];
}

/** Whether a syntax error is a list in [ ] or a mapping in { } left open: 'which', or undefined. */
function unclosedFlow(e: { code: string; message: string }): 'map' | 'sequence' | undefined {
  const detail = yamlDetail(e.message);
  const flow = e.code === 'BAD_INDENT' ? /^Flow (sequence|map)/.exec(detail) : e.code === 'MISSING_CHAR' ? /^Flow (sequence|map) must end with a/.exec(detail) : null;
  return flow ? (flow[1] as 'map' | 'sequence') : undefined;
}

/**
 * Where the [ or { opens that is still open at `at`, where the parser found out (the line after it, or the end):
 * the list or mapping that reaches there, the innermost if several do. The place to add the closing bracket is
 * best seen from its opening one.
 */
function flowOpening(document: Document.Parsed, at: number): number | undefined {
  let opening: number | undefined;
  visit(document, {
    Node(_key, node) {
      const range = node.range;
      if (isCollection(node) && node.flow && range && range[0] < at && range[1] >= at && (opening === undefined || range[0] > opening)) opening = range[0];
      return undefined;
    },
  });
  return opening;
}

/** The yaml library's own message, without the position details we already give. */
function yamlDetail(message: string): string {
  return message.replace(/ at line \d+, column \d+.*$/s, '').trim();
}

/**
 * A syntax error of the yaml library in words that say what to do: the usual mistakes of
 * hand-written YAML (indentation, tabs, an unquoted ": " in a text, a missing colon, a text
 * starting with a reserved character) by the library's error code; anything else as it says it.
 */
function syntaxMessage(e: { code: string; message: string; pos: [number, number] }, message: ProblemTranslate, source: string, afterRoot: boolean): string {
  const detail = yamlDetail(e.message);
  // A text that starts with a character YAML reads as its own ("*Important*", "| add", "- add", "[Important] add"): said
  // as that, with what to do, rather than as the parser's words (QA: flow authoring).
  const generic = () => {
    const lineStart = source.lastIndexOf('\n', e.pos[0] - 1) + 1;
    const lineEnd = source.indexOf('\n', e.pos[0]);
    const m = INDICATOR_START.exec(source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
    const char = m?.[1] ?? m?.[2] ?? m?.[3];
    return char ? message('yaml.indicatorStart', { char }) : message('yaml.syntax', { detail });
  };
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return message('yaml.multipleDocuments');
    case 'TAB_AS_INDENT':
      return message('yaml.tabIndent');
    case 'BAD_INDENT': {
      const flow = unclosedFlow(e);
      return flow ? message('yaml.unclosedFlow', { close: flow === 'map' ? '}' : ']' }) : message('yaml.badIndent');
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      // A list item ("- …") read as a key: it starts at another column than the items before it.
      return /^[ \t]*- /.test(source.slice(e.pos[0], e.pos[0] + 200)) ? message('yaml.badIndent') : message('yaml.colonInText');
    case 'BLOCK_IN_FLOW':
      return message('yaml.colonInFlow');
    case 'MULTILINE_IMPLICIT_KEY': {
      // "start：balance" (a Chinese colon) and "version:1" (no space): a key whose colon YAML does not see.
      const line = source.slice(e.pos[0], source.indexOf('\n', e.pos[0]) === -1 ? undefined : source.indexOf('\n', e.pos[0]));
      return keyWithoutColon(line, message) ?? message('yaml.notKeyValue');
    }
    case 'UNEXPECTED_TOKEN': {
      const close = /^Unexpected flow-(map|seq)-end token/.exec(detail)?.[1];
      if (close) return message('yaml.extraClose', { char: close === 'map' ? '}' : ']', open: close === 'map' ? '{' : '[' });
      // (Also a second "{…}" on the line of the first, which the parser reads as a flow collection started in the wrong
      // place: QA: scripts, two JSON documents piped on one line.)
      if (afterRoot || (/^Unexpected flow-(?:map|seq)-start token/.test(detail) && /[}\]][ \t]*$/.test(source.slice(0, e.pos[0])))) return message('yaml.afterEnd');
      // 'value: "Lumen Pay" <pay@…>', 'start: "network" now': text after a closing quote.
      const quote = /["']$/.exec(source.slice(0, e.pos[0]).trimEnd())?.[0];
      return quote && / at node end$/.test(detail) ? message('yaml.afterQuote', { quote }) : generic();
    }
    case 'BAD_SCALAR_START': {
      const char = /reserved character (\S)/.exec(detail)?.[1];
      return char ? message('yaml.reservedStart', { char }) : generic();
    }
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(detail)?.[1];
      if (quote) return message('yaml.unclosedQuote', { quote });
      const flow = unclosedFlow(e);
      if (flow) return message('yaml.unclosedFlow', { close: flow === 'map' ? '}' : ']' });
      // "zh:你是否…", "zh 你是否…", "zh：你是否…": the most common slip in Chinese texts.
      if (detail.startsWith('Implicit map keys need to be followed by map values')) {
        const end = source.indexOf('\n', e.pos[0]);
        return keyWithoutColon(source.slice(source.lastIndexOf('\n', e.pos[0] - 1) + 1, end === -1 ? undefined : end), message) ?? message('yaml.keyWithoutColon');
      }
      return generic();
    }
    default:
      return generic();
  }
}

/** A key and a text after it that starts with a character YAML reads as its own (an alias, a block, a list, a flow collection…). */
const INDICATOR_START = /^[ \t]*(?:- )?[^\s:#'"]+:[ \t]+(?:([[{])[^\]}\n]*[\]}][ \t]*[^\s,#\]}]|([*&!%@`])\S*[ \t]+\S|([|>-])[ \t]+\S)/;

/** A key and its value with a colon YAML does not see: a Chinese colon ("start：balance"), or none followed by a space ("version:1"). */
const KEY_WITHOUT_COLON = /^[ \t]*[^\s:：#]+(?:：|:(?=\S))/;
/** A key's colon followed by a space YAML does not read as one: no-break, full-width or another Unicode space. */
const ODD_SPACE_AFTER_COLON = /^[ \t]*[^\s:：#]+[:：]([\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])/;

/**
 * What is wrong with a line meant as "key: value" whose colon YAML does not see, or undefined when it is not one: a
 * space after the colon that is no space to YAML (a no-break or full-width one, pasted from a web page or a document,
 * looks exactly right; QA: UX review), a Chinese colon, or no space at all.
 */
export function keyWithoutColon(line: string, message: ProblemTranslate): string | undefined {
  const odd = ODD_SPACE_AFTER_COLON.exec(line);
  if (odd) return message('yaml.oddSpaceAfterColon', { char: characterName(odd[1]!.charCodeAt(0)) });
  return KEY_WITHOUT_COLON.test(line) ? message('yaml.keyWithoutColon') : undefined;
}

/** Formats a problem the way compilers do, so editors and terminals can jump to it (src/util/safe-text.ts). */
export { formatProblem };
