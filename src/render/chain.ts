/** Chains named the way people know them in sentences: "Litecoin (LTC)", "波场（TRC20）", not wallet-help's ids. */
import { isChain } from '../checks/chains.js';
import { orList, type Translate } from '../i18n/i18n.js';
import { safeText } from '../util/safe-text.js';
import '../core.js';

/** A chain by its name in the reader's language; text that is no chain id (a record from elsewhere) is shown as written. */
export function chainName(t: Translate, chain: string): string {
  return isChain(chain) ? t(`chain.${chain}`) : safeText(chain);
}

/** The chains a check's detail lists ("eth, erc20, bep20", as the case log keeps them), named: "A, B or C". */
export function chainNames(t: Translate, list: string): string {
  return orList(
    t,
    list
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .map((c) => chainName(t, c)),
  );
}
