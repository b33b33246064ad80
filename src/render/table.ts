/** Aligned columns that stay aligned with CJK (double-width) text, and fit the terminal they are shown on. */
import stringWidth from 'fast-string-width';
import type { Style } from './style.js';
import '../core.js';

/** The space between two columns. */
const GAP = 2;

/**
 * Renders rows as columns padded by display width; the first row is the header. On a terminal
 * (`width` given) too narrow for the table, the widest columns are narrowed and their cells
 * wrapped, never inside a word; when even that cannot fit, each row is shown as a block of
 * "header  value" lines (a value with a word too long to stand beside the headers goes on the line under its header). Without a width (a file, a pipe) every row stays on one line, for scripts.
 */
export async function table(rows: readonly (readonly string[])[], style: Style, width?: number): Promise<string> {
  const natural: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (natural[i] = Math.max(natural[i] ?? 0, stringWidth(cell))));
  const total = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  if (width === undefined || total(natural) <= width) return lines(rows.map((row) => row.map((cell) => [cell])), natural, style);
  const { cellLines, hanging, widestWord } = await import('./wrap.js');
  const blocks = () => {
    const [header = [], ...body] = rows;
    const label = Math.max(...header.map((h) => stringWidth(h)));
    // A value with a word too long to stand beside the labels goes under its own label, at one indent for every
    // such value (QA: pushed to the right margin, each started in another column and read as no label's value).
    const block = (row: readonly string[]) =>
      row
        .map((cell, i) =>
          label + GAP + widestWord(cell) > width
            ? `${style.bold(header[i] ?? '')}\n${hanging(' '.repeat(GAP), cell, width)}`
            : hanging(style.bold(pad(header[i] ?? '', label)) + ' '.repeat(GAP), cell, width),
        )
        .join('\n');
    return `${body.map(block).join('\n\n')}\n`;
  };
  // A column can narrow down to its widest word (the header's included).
  const least = natural.map((_, i) => Math.max(...rows.map((row) => (row[i] === undefined ? 0 : widestWord(row[i]!)))));
  if (total(least) > width) return blocks();
  const widths = [...natural];
  // Narrow the widest column that still can, one column at a time, until the table fits.
  while (total(widths) > width) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > least[i]! && (widest === -1 || w > widths[widest]!)) widest = i;
    });
    widths[widest]!--;
  }
  // A column squeezed below half its width reads worse, a word or two a line, than the blocks do.
  if (widths.some((w, i) => w < natural[i]! / 2)) return blocks();
  return lines(
    rows.map((row) => row.map((cell, i) => (widths[i]! < natural[i]! ? cellLines(cell, widths[i]!) : [cell]))),
    widths,
    style,
  );
}

/** Rows of cells, each cell as its lines, laid out in columns of `widths`; the header row in bold. */
function lines(rows: readonly (readonly (readonly string[])[])[], widths: readonly number[], style: Style): string {
  const out: string[] = [];
  rows.forEach((row, r) => {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let l = 0; l < height; l++) {
      const line = row.map((cell, i) => (i === row.length - 1 ? (cell[l] ?? '') : pad(cell[l] ?? '', widths[i] ?? 0))).join(' '.repeat(GAP)).trimEnd();
      out.push(r === 0 ? style.bold(line) : line);
    }
  });
  return `${out.join('\n')}\n`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
