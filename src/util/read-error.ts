/** One wording for every file wallet-help cannot read: "Cannot read FILE: no such file." */
import { MAX_DATA_FILE_BYTES } from '../data/limits.js';
import type { Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { clip } from './safe-text.js';

/**
 * The sentence for a file that could not be read, from the error's code: the system's, or the
 * data reader's own (read-file.ts: ENOTREG for a device, pipe or socket, ETOOBIG for a file over the limit).
 */
export function cannotRead(t: Translate, file: string, err: unknown): string {
  return t('error.cannotRead', { file: clip(file, 200), reason: fileReason(t, (err as NodeJS.ErrnoException | undefined)?.code) });
}

/** The words for the system's error codes (and the data reader's own: ENOTREG for a device, pipe or socket). */
const REASONS: Readonly<Record<string, MessageKey>> = {
  ENOENT: 'error.noSuchFile',
  ENOTDIR: 'error.pathThroughFile',
  EISDIR: 'error.isFolder',
  EACCES: 'error.noPermission',
  EPERM: 'error.noPermission',
  ELOOP: 'error.tooManyLinks',
  ENAMETOOLONG: 'error.nameTooLong',
  ENOTREG: 'error.notRegularFile',
  ENXIO: 'error.notRegularFile',
  ENOSPC: 'error.diskFull',
  EDQUOT: 'error.diskFull',
  EROFS: 'error.readOnlyDisk',
  EMFILE: 'error.tooManyOpen',
  ENFILE: 'error.tooManyOpen',
};

/** Why a file could not be read or written, in words, from the error's code (the system's, or the data reader's own). */
export function fileReason(t: Translate, code: string | undefined, max = MAX_DATA_FILE_BYTES): string {
  if (code === 'ETOOBIG') return t('error.fileTooLarge', { max: `${max / (1024 * 1024)} MB` });
  if (code === undefined) return t('error.unknownReason');
  return Object.hasOwn(REASONS, code) ? t(REASONS[code]!) : code;
}
