/** Size limits for input we do not trust. */

/** Data files (flows, directory, answers) larger than this are refused before parsing: none of ours comes close. */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;

/** Problems listed per file at most: a hostile file can have thousands, the first hundred tell the author what to fix. */
export const MAX_PROBLEMS = 100;
