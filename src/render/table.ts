/** Aligned columns that stay aligned with CJK (double-width) text. */
import stringWidth from 'fast-string-width';
import type { Style } from './style.js';
import '../core.js';

/** Renders rows as columns padded by display width; the first row is the header. */
export function table(rows: readonly (readonly string[])[], style: Style): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows
    .map((row, r) => {
      const line = row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell)))).join('  ');
      return r === 0 ? style.bold(line) : line;
    })
    .join('\n')
    .concat('\n');
}
