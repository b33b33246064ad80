/** Size limits for input we do not trust. */

/** Data files (flows, directory, answers) larger than this are refused before parsing: none of ours comes close. */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;

/** Problems listed per file at most: a hostile file can have thousands, the first hundred tell the author what to fix. */
export const MAX_PROBLEMS = 100;

/** A request's text at most: a --batch line, or the answers of a library call together. */
export const MAX_REQUEST_LENGTH = 1024 * 1024;

/**
 * A text a request or a library option holds besides the answers (a flow id, a request's id, a language, a provider, a
 * file or folder name, an instant) at most, in UTF-16 code units: a path has at most 4,096 bytes on Linux.
 */
export const MAX_TEXT_OPTION_LENGTH = 4096;

/**
 * The instants --now, WALLET_HELP_NOW and the library's `now` may name: from 1970 to the end of 9999 (UTC). Service
 * hours are about days to come; a year before the epoch or a year of five digits is a typo (0000-01-01 was shown as
 * "1 Jan 1"), and dates that far out are not written well by the date formats.
 */
export const NOW_FROM_YEAR = 1970;
export const NOW_TO_YEAR = 9999;

/** Whether an instant is one --now and the library's `now` may name. */
export function nowInRange(date: Date): boolean {
  const ms = date.getTime();
  return ms >= Date.UTC(NOW_FROM_YEAR, 0, 1) && ms < Date.UTC(NOW_TO_YEAR + 1, 0, 1);
}
