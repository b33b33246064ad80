/**
 * The chains wallet-help checks, and the chain a person means by what they write:
 * "BTC", "Bitcoin", "USDT TRC20", "erc-20", "莱特币". Light on purpose (no crypto
 * libraries): the diagnosis reads a chain before it knows whether a check will run.
 */
import '../core.js';

// bnb = BNB Beacon Chain (bnb1… bech32); bep20 = BNB Smart Chain (0x… like ETH)
export const CHAINS = ['btc', 'ltc', 'eth', 'erc20', 'bep20', 'trx', 'xrp', 'xlm', 'eos', 'atom', 'bnb'] as const;
export type Chain = (typeof CHAINS)[number];

/** Chains whose deposits need a memo / destination tag to be credited automatically. */
export const MEMO_CHAINS: readonly Chain[] = Object.freeze(['xrp', 'xlm', 'eos', 'atom', 'bnb'] as const);

export function isChain(value: unknown): value is Chain {
  return typeof value === 'string' && (CHAINS as readonly string[]).includes(value);
}

/** Other words for a chain: its coin's name, or the token standard of its network (TRC-20 tokens live on Tron). */
const NAMES: Readonly<Record<string, Chain>> = {
  bitcoin: 'btc',
  litecoin: 'ltc',
  ethereum: 'eth',
  ether: 'eth',
  tron: 'trx',
  trc20: 'trx',
  bsc: 'bep20',
  ripple: 'xrp',
  stellar: 'xlm',
  lumens: 'xlm',
  cosmos: 'atom',
  bep2: 'bnb',
};

/** The same in Chinese, found anywhere in the text (Chinese has no spaces between words). */
const CHINESE_NAMES: readonly (readonly [string, Chain])[] = [
  ['比特币', 'btc'],
  ['莱特币', 'ltc'],
  ['以太坊', 'eth'],
  ['波场', 'trx'],
  ['瑞波', 'xrp'],
  ['恒星', 'xlm'],
];

/** Token standards: written beside a coin ("USDT ERC20"), they name the network, which is what a check needs. */
const STANDARDS: ReadonlySet<string> = new Set(['erc20', 'bep20', 'trc20', 'bep2']);

/**
 * The chain a text names: an id in any case ("BTC"), a coin or network name ("Litecoin", "Tron"), or a
 * coin with its network ("USDT TRC20", "USDT (ERC-20)", the network deciding); undefined when it names
 * none, or several that disagree.
 */
export function chainFromText(text: string): Chain | undefined {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    // "ERC-20", "bep 20": the standard's number is part of its name.
    .replace(/\b(erc|bep|trc)[\s_-]*(\d+)\b/g, '$1$2');
  const words = folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
  const named = (w: string): Chain | undefined => (isChain(w) ? w : Object.hasOwn(NAMES, w) ? NAMES[w] : undefined);
  const found = new Set<Chain>();
  for (const w of words) {
    const chain = named(w);
    if (chain) found.add(chain);
  }
  for (const [name, chain] of CHINESE_NAMES) if (folded.includes(name)) found.add(chain);
  if (found.size === 1) return [...found][0];
  const networks = new Set(words.filter((w) => STANDARDS.has(w)).map((w) => named(w)!));
  return networks.size === 1 ? [...networks][0] : undefined;
}
