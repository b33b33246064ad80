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

/** Names of several words, read before single words ("BNB Smart Chain" is not the Beacon Chain's "bnb"). */
const PHRASES: readonly (readonly [RegExp, Chain])[] = [
  [/\b(?:bnb|binance) smart chain\b|\bbnb chain\b/g, 'bep20'],
  [/\bbnb beacon chain\b|\bbinance chain\b/g, 'bnb'],
];

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

/** Words that may stand beside a chain's name without changing it: tokens sent on it, and words like "network". */
const FILLERS: ReadonlySet<string> = new Set(['usdt', 'usdc', 'tether', 'dai', 'token', 'tokens', 'coin', 'network', 'chain', 'mainnet', 'main', 'net', 'on', 'the', 'via']);

/**
 * The same in Chinese. Chinese has no spaces between words: a name counts where it stands alone or before
 * 链, 网络 or 主网 ("波场链"), so 比特币现金 (Bitcoin Cash) is not 比特币.
 */
const CHINESE_NAMES: readonly (readonly [string, Chain])[] = [
  ['比特币', 'btc'],
  ['莱特币', 'ltc'],
  ['以太坊', 'eth'],
  ['波场', 'trx'],
  ['瑞波', 'xrp'],
  ['恒星', 'xlm'],
];
// Han characters as plain ranges: a Unicode property escape (\p{Script=Han}) in this start-up module cost every run
// ~3 M instructions (a callgrind count), more than the rest of it.
const CHINESE_AFTER = /^(?:链|网络|主网)?(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Token standards: written beside a coin ("USDT ERC20"), they name the network, which is what a check needs. */
const STANDARDS: ReadonlySet<Chain> = new Set(['erc20', 'bep20', 'trx', 'bnb']);

/** Chains that are one network: Ether and ERC-20 tokens travel on Ethereum alike. */
const networkOf = (c: Chain): string => (c === 'erc20' ? 'eth' : c);

/**
 * The chain a text names: an id in any case ("BTC"), a coin or network name ("Litecoin", "Tron", "BNB Smart
 * Chain"), or a coin with its network ("USDT TRC20", "USDT (ERC-20)"). Undefined when a word in it is no
 * chain wallet-help knows ("Bitcoin Cash", "Ethereum Classic"), or when it names two networks ("USDT ERC20
 * on TRON"): the diagnosis then asks instead of checking against the wrong chain.
 */
export function chainFromText(text: string): Chain | undefined {
  let folded = text
    .normalize('NFKC')
    .toLowerCase()
    // "ERC-20", "bep 20": the standard's number is part of its name.
    .replace(/\b(erc|bep|trc)[\s_-]*(\d+)\b/g, '$1$2');
  const found: Chain[] = [];
  for (const [phrase, chain] of PHRASES) {
    if (phrase.test(folded)) found.push(chain);
    folded = folded.replace(phrase, ' ');
  }
  for (const [name, chain] of CHINESE_NAMES) {
    for (let at = folded.indexOf(name); at !== -1; at = folded.indexOf(name, at + 1)) {
      const tail = folded.slice(at + name.length);
      if (!CHINESE_AFTER.test(tail)) return undefined;
      found.push(chain);
      folded = `${folded.slice(0, at)} ${tail.replace(CHINESE_AFTER, '')}`;
    }
  }
  // Anything else in Chinese is a name wallet-help does not know.
  if (HAN.test(folded)) return undefined;
  for (const word of folded.split(/[^a-z0-9]+/).filter((w) => w !== '')) {
    const chain = isChain(word) ? word : Object.hasOwn(NAMES, word) ? NAMES[word] : undefined;
    if (chain) found.push(chain);
    else if (!FILLERS.has(word)) return undefined;
  }
  if (found.length === 0 || new Set(found.map(networkOf)).size > 1) return undefined;
  // One network: its standard when one is named ("ETH ERC20" is erc20), else the chain.
  return found.find((c) => STANDARDS.has(c)) ?? found[0];
}

/** Tokens issued on several of the chains above (Ethereum, BNB Smart Chain, Tron): their name alone leaves the network open. */
const MULTI_NETWORK_TOKENS: Readonly<Record<string, MultiNetworkToken>> = { usdt: 'usdt', tether: 'usdt', usdc: 'usdc' };
export type MultiNetworkToken = 'usdt' | 'usdc';

/**
 * The token a text names without its network ("USDT", "usdt token", "泰达币"), or undefined. chainFromText cannot tell
 * which chain such a text means, and "unknown chain" with a list of chain ids was no help to someone who sent USDT
 * (QA: Chinese user): the network is asked for instead.
 */
export function tokenWithoutNetwork(text: string): MultiNetworkToken | undefined {
  // Longer than any such name: not one (and not worth splitting).
  if (text.length > 64) return undefined;
  const folded = text.normalize('NFKC').toLowerCase().replaceAll('泰达币', ' usdt ');
  if (HAN.test(folded)) return undefined;
  const tokens = new Set<MultiNetworkToken>();
  for (const word of folded.split(/[^a-z0-9]+/).filter((w) => w !== '')) {
    const token = Object.hasOwn(MULTI_NETWORK_TOKENS, word) ? MULTI_NETWORK_TOKENS[word] : undefined;
    if (token) tokens.add(token);
    else if (!FILLERS.has(word)) return undefined;
  }
  return tokens.size === 1 ? [...tokens][0] : undefined;
}
