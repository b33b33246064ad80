/** One wording for every file wallet-help cannot read: "Cannot read FILE: no such file." */
import type { Translate } from '../i18n/i18n.js';
import { clip } from './safe-text.js';

/** The sentence for a file that could not be read, from the system error's code. */
export function cannotRead(t: Translate, file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR' ? t('error.noSuchFile') : code === 'EISDIR' ? t('error.isFolder') : code === 'EACCES' || code === 'EPERM' ? t('error.noPermission') : (code ?? t('error.unknownReason'));
  return t('error.cannotRead', { file: clip(file, 200), reason });
}
