/**
 * The program's own help asked for plainly (`--help`, `-h` or `help`, with a `--lang`, `--color` or
 * `--no-color` at most), which scripts and agents read to learn the CLI. Written to a file or a pipe,
 * it is the same text on every run in a language: the build renders it with commander (dist/help/)
 * and such a run prints it, read without commander (src/direct.ts); on a terminal it is wrapped to
 * the width, by commander. Shared by the launcher (src/boot.ts), which picks the entry, and main.
 */
export function isPlainHelp(argv: readonly string[]): boolean {
  let help = 0;
  let lang = 0;
  let color = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h' || arg === 'help') help++;
    else if (arg === '--lang' && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) {
      lang++;
      i++;
    } else if (arg.startsWith('--lang=')) lang++;
    else if (arg === '--color' || arg === '--no-color') color++;
    else return false;
  }
  return help === 1 && lang <= 1 && color <= 1;
}
