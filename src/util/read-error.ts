/** One wording for every file wallet-help cannot read: "Cannot read FILE: no such file." */
import { MAX_DATA_FILE_BYTES } from '../data/limits.js';
import type { Translate } from '../i18n/i18n.js';
import { clip } from './safe-text.js';

/**
 * The sentence for a file that could not be read, from the error's code: the system's, or the
 * data reader's own (read-file.ts: ENOTREG for a device, pipe or socket, ETOOBIG for a file over the limit).
 */
export function cannotRead(t: Translate, file: string, err: unknown): string {
  return t('error.cannotRead', { file: clip(file, 200), reason: fileReason(t, (err as NodeJS.ErrnoException | undefined)?.code) });
}

/** Why a file could not be read or written, in words, from the error's code (the system's, or the data reader's own). */
export function fileReason(t: Translate, code: string | undefined, max = MAX_DATA_FILE_BYTES): string {
  return code === 'ENOENT'
    ? t('error.noSuchFile')
    : code === 'ENOTDIR'
      ? t('error.pathThroughFile')
      : code === 'EISDIR'
        ? t('error.isFolder')
        : code === 'EACCES' || code === 'EPERM'
          ? t('error.noPermission')
          : code === 'ENOTREG' || code === 'ENXIO'
            ? t('error.notRegularFile')
            : code === 'ETOOBIG'
              ? t('error.fileTooLarge', { max: `${max / (1024 * 1024)} MB` })
              : code === 'ENOSPC' || code === 'EDQUOT'
                ? t('error.diskFull')
                : code === 'EROFS'
                  ? t('error.readOnlyDisk')
                  : (code ?? t('error.unknownReason'));
}
