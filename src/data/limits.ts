/** Size limits for input we do not trust. */

/** Data files (flows, directory, answers) larger than this are refused before parsing: none of ours comes close. */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;

/** Problems listed per file at most: a hostile file can have thousands, the first hundred tell the author what to fix. */
export const MAX_PROBLEMS = 100;

/** A request's text at most: a --batch line, or the answers of a library call together. */
export const MAX_REQUEST_LENGTH = 1024 * 1024;
