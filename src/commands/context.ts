/** What every command receives: the I/O, the language and the data it may load. */
import type { Lang } from '../engine/types.js';
import type { FlowCatalog } from '../flows/catalog.js';
import type { Translate } from '../i18n/i18n.js';
import type { IO } from '../io/io.js';
import type { Style } from '../render/style.js';

export interface Context {
  io: IO;
  lang: Lang;
  t: Translate;
  /** Styles for stdout and stderr; each is plain when its stream should not be coloured. */
  style: { out: Style; err: Style };
  /** The flows of this run, loaded on first use. */
  flows(): Promise<FlowCatalog>;
}
