/**
 * Checks on what a user gives when a crypto deposit or withdrawal went wrong:
 * is the address valid on the chosen chain (or on another one: the commonest
 * cause of "my deposit never arrived"), is the TxID shaped right for that
 * chain, and is the memo / destination tag there and well formed.
 *
 * Pure: no I/O, no clock, never throws for any input. Strings longer than
 * MAX_INPUT characters are reported as format problems without being parsed.
 *
 * Checksums come from maintained, audited libraries, not from code written here:
 * - BTC/LTC: @scure/btc-signer `Address(network).decode` (Base58Check, BIP-173
 *   bech32 and BIP-350 bech32m); for witness versions 2..16 (and v1 programs
 *   that are not 32 bytes), which that decoder rejects as "unknown", BIP-350
 *   says they "should be recognized as valid recipients", so those are
 *   checked with @scure/base's bech32m and the BIP-141 length rules.
 * - ETH/ERC-20/BEP-20: EIP-55 via @ethereumjs/util `toChecksumAddress` /
 *   `isValidChecksumAddress` (keccak-256 from @noble/hashes).
 * - TRX: Base58Check via @scure/base `createBase58check(sha256)`.
 * - XRP: ripple-address-codec (classic r-addresses and X-addresses).
 * - ATOM/BNB: bech32 via @scure/base.
 * - XLM: the only maintained StrKey library, @stellar/stellar-base, would bring
 *   a second @noble/curves, an XDR codec and Buffer/sha.js polyfills into the
 *   CLI for one check, so the SEP-23 StrKey check is written here on top of
 *   @scure/base's audited RFC 4648 base32: version byte, length, exact
 *   re-encoding (SEP-23's rule for non-canonical strings) and the 10-line
 *   CRC16-XModem checksum. It is tested against every SEP-23 vector.
 * - EOS: account names have no checksum; the name rules are checked.
 *
 * `bnb` is the BNB Beacon Chain (bnb1… bech32), retired in 2024 by the BNB
 * Chain fusion; it stays so that old transfers can still be diagnosed. BNB
 * Smart Chain is `bep20` (0x… addresses, like Ethereum).
 *
 * Loading the libraries costs roughly 100-150 ms, so callers on a hot path
 * should `import()` this module when a crypto check is actually needed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base32nopad, base58, base58xrp, bech32, bech32m, createBase58check } from '@scure/base';
import { Address, NETWORK } from '@scure/btc-signer';
import { isValidChecksumAddress, toChecksumAddress } from '@ethereumjs/util';
import { decodeXAddress, isValidClassicAddress } from 'ripple-address-codec';
import { CHAINS, isChain, MEMO_CHAINS, type Chain } from './chains.js';
import '../core.js';

export { CHAINS, MEMO_CHAINS, isChain, chainFromText, tokenWithoutNetwork, type Chain } from './chains.js';

/** Inputs longer than this are format problems; nothing longer is parsed. */
export const MAX_INPUT = 200;

export type AddressProblem = 'empty' | 'checksum' | 'format' | 'other-chain';

export interface AddressCheck {
  chain: Chain;
  valid: boolean;
  /** Chains this address is valid on (may be several: an 0x address is valid on eth, erc20 and bep20). For 'other-chain': the chains it does belong to. */
  validOn: Chain[];
  /**
   * Why invalid: 'empty' (nothing given), 'checksum' (shaped like an address of
   * this chain but mistyped: a checksum fails), 'format' (not an address of this
   * chain), 'other-chain' (a valid address, but of the chains in `validOn`).
   */
  problem?: AddressProblem;
  /** Whether a deposit to this address also needs a memo / destination tag. False on a memo chain when the address itself carries it (XRP X-address, XLM muxed M-address). */
  memoRequired: boolean;
  /** Canonical form of a valid address: lower case for bech32, EIP-55 for 0x addresses, trimmed otherwise. */
  normalized?: string;
}

export interface TxidCheck {
  chain: Chain;
  valid: boolean;
  problem?: 'empty' | 'format';
  /** For a TxID right but for its prefix: an EVM one written without its "0x", another chain's with one. */
  hint?: 'needs-0x' | 'no-0x';
  /** Canonical form: lower case hex, upper case for xrp/atom/bnb. */
  normalized?: string;
}

export interface MemoCheck {
  chain: Chain;
  /** The chain (or address) needs a memo / destination tag for the deposit to be credited automatically. */
  required: boolean;
  /** A non-blank memo was given. */
  given: boolean;
  valid: boolean;
  problem?: 'missing' | 'format';
}

export type TransferFinding = 'wrong-chain' | 'bad-address' | 'bad-txid' | 'memo-missing' | 'memo-invalid';

export interface TransferCheck {
  chain: Chain;
  address?: AddressCheck;
  txid?: TxidCheck;
  memo: MemoCheck;
  findings: TransferFinding[];
}

/** Chains that are one network under two names (Ethereum and its tokens); every other chain is a network of its own. */
const NETWORK_OF: Partial<Record<Chain, string>> = { eth: 'ethereum', erc20: 'ethereum' };

/** Whether two chains are the same network: an address valid on both cannot tell them apart, nor can a transfer between them go wrong. */
export function sameNetwork(a: Chain, b: Chain): boolean {
  return a === b || (NETWORK_OF[a] !== undefined && NETWORK_OF[a] === NETWORK_OF[b]);
}

/** Whether a string is one of CHAINS. */
// ---------------------------------------------------------------- addresses

/**
 * What a chain's parser says about one string. `checksum`: right shape for this
 * chain, but a checksum fails (a typo). `near`: it starts with this chain's own
 * bech32 prefix, so it was meant for this chain even if it is malformed.
 */
type Verdict = { ok: true; normalized: string; memoEmbedded?: boolean } | { ok: false; checksum: boolean; near?: boolean };

const ok = (normalized: string, memoEmbedded?: boolean): Verdict => (memoEmbedded ? { ok: true, normalized, memoEmbedded } : { ok: true, normalized });
const bad = (checksum = false, near = false): Verdict => (near ? { ok: false, checksum, near } : { ok: false, checksum });

type AddressCoder = ReturnType<typeof Address>;
const base58check = createBase58check(sha256);

interface BitcoinLike {
  hrp: string;
  coders: AddressCoder[];
  /** Base58 version bytes of this chain's P2PKH/P2SH addresses, for telling a typo from a foreign address. */
  versions: number[];
}

/** Litecoin mainnet: L… (P2PKH 0x30), M… (P2SH 0x32), ltc1… (segwit). */
const LITECOIN = { bech32: 'ltc', pubKeyHash: 0x30, scriptHash: 0x32, wif: 0xb0 };
/** Litecoin P2SH addresses made before the M… prefix (2017) use Bitcoin's 0x05, so they start with 3… and read the same on both chains. */
const LITECOIN_LEGACY_P2SH = { ...LITECOIN, scriptHash: 0x05 };

const BTC: BitcoinLike = { hrp: 'bc', coders: [Address(NETWORK)], versions: [0x00, 0x05] };
const LTC: BitcoinLike = { hrp: 'ltc', coders: [Address(LITECOIN), Address(LITECOIN_LEGACY_P2SH)], versions: [0x30, 0x32, 0x05] };

const BECH32_CHARS = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/;

/** One case only (bech32 forbids mixed case); lower-cased, or undefined when mixed. */
function singleCase(s: string): string | undefined {
  const lower = s.toLowerCase();
  return s === lower || s === s.toUpperCase() ? lower : undefined;
}

/** A bech32-shaped string with the right prefix whose checksum fails both bech32 and bech32m: a typo. */
function bech32Typo(s: string, hrp: string): boolean {
  const lower = singleCase(s);
  if (!lower?.startsWith(`${hrp}1`) || lower.length > 90) return false;
  const data = lower.slice(hrp.length + 1);
  if (data.length < 6 || !BECH32_CHARS.test(data)) return false;
  return !bech32.decodeUnsafe(lower, 90) && !bech32m.decodeUnsafe(lower, 90);
}

/** A Base58 string of an address's length and version whose checksum fails: a typo. */
function base58Typo(s: string, versions: number[], coder: typeof base58 = base58, size = 25): boolean {
  let raw: Uint8Array;
  try {
    raw = coder.decode(s);
  } catch {
    return false;
  }
  if (raw.length !== size || !versions.includes(raw[0] ?? -1)) return false;
  const body = raw.subarray(0, size - 4);
  const expected = sha256(sha256(body)).subarray(0, 4);
  return !expected.every((b, i) => b === raw[size - 4 + i]);
}

/**
 * BIP-350: native segwit outputs of versions 1..16 with 2..40-byte programs are
 * valid recipients even where no template is defined yet (v2+, or v1 that is not
 * 32 bytes). They must use bech32m; bech32m.fromWords rejects bad padding.
 */
function futureSegwit(s: string, hrp: string): boolean {
  const lower = singleCase(s);
  if (!lower) return false;
  const res = bech32m.decodeUnsafe(lower, 90);
  if (!res || res.prefix !== hrp) return false;
  const [version, ...program] = res.words;
  if (version === undefined || version < 1 || version > 16) return false;
  try {
    const bytes = bech32m.fromWords(program);
    return bytes.length >= 2 && bytes.length <= 40;
  } catch {
    return false;
  }
}

function bitcoinLike(s: string, net: BitcoinLike): Verdict {
  const lower = s.toLowerCase();
  const segwit = lower.startsWith(`${net.hrp}1`);
  if (s.length < 14 || s.length > 90) return bad(false, segwit);
  for (const coder of net.coders) {
    try {
      coder.decode(s);
      return ok(segwit ? lower : s);
    } catch {
      // try the next coder
    }
  }
  if (segwit) return futureSegwit(s, net.hrp) ? ok(lower) : bad(bech32Typo(s, net.hrp), true);
  return bad(base58Typo(s, net.versions));
}

/** EIP-55 (https://eips.ethereum.org/EIPS/eip-55): all-lower or all-upper hex carries no checksum and is accepted; mixed case must match. */
function evm(s: string): Verdict {
  if (!/^0x[0-9a-fA-F]{40}$/.test(s)) return bad();
  const body = s.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return ok(toChecksumAddress(s));
  return isValidChecksumAddress(s) ? ok(s) : bad(true);
}

/** TRON: Base58Check of 0x41 + 20-byte account id (T…, 34 characters). */
function tron(s: string): Verdict {
  if (s.length !== 34) return bad();
  try {
    const raw = base58check.decode(s);
    return raw.length === 21 && raw[0] === 0x41 ? ok(s) : bad();
  } catch {
    return bad(base58Typo(s, [0x41]));
  }
}

/** The destination tag an XRP X-address carries (false: it says "no tag"), or undefined when it is not a mainnet X-address. */
function xAddressTag(s: string): number | false | undefined {
  if (!s.startsWith('X') || s.length > 60) return undefined;
  try {
    const { tag, test } = decodeXAddress(s);
    return test ? undefined : tag;
  } catch {
    return undefined;
  }
}

/** XRP Ledger: classic r… address, or mainnet X-address (T… test-network X-addresses are not deposit addresses). */
function xrp(s: string): Verdict {
  if (s.length < 25 || s.length > 60) return bad();
  if (s.startsWith('r')) {
    try {
      if (isValidClassicAddress(s)) return ok(s);
    } catch {
      // fall through
    }
    return bad(base58Typo(s, [0x00], base58xrp));
  }
  if (xAddressTag(s) !== undefined) return ok(s, true);
  // X-address: 0x05 0x44 prefix + 20-byte account + flag + 8-byte tag + 4-byte checksum.
  if (s.startsWith('X')) return bad(base58Typo(s, [0x05], base58xrp, 35));
  return bad();
}

/** CRC16-XModem (poly 0x1021, init 0), the StrKey checksum of SEP-23. */
function crc16xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Stellar StrKey (SEP-23): G… account (version 6<<3, 32 bytes) or M… muxed account (12<<3, 32 + 8-byte id). */
function stellar(s: string): Verdict {
  const kind = s.startsWith('G') ? { length: 56, version: 6 << 3, payload: 32 } : s.startsWith('M') ? { length: 69, version: 12 << 3, payload: 40 } : undefined;
  if (!kind || s.length !== kind.length || !/^[A-Z2-7]+$/.test(s)) return bad();
  let raw: Uint8Array;
  try {
    raw = base32nopad.decode(s);
  } catch {
    return bad();
  }
  // SEP-23: a strkey is valid only if re-encoding yields exactly the same string.
  if (raw.length !== 1 + kind.payload + 2 || raw[0] !== kind.version || base32nopad.encode(raw) !== s) return bad();
  const n = raw.length;
  const stored = (raw[n - 2] ?? 0) | ((raw[n - 1] ?? 0) << 8); // little-endian
  if (crc16xmodem(raw.subarray(0, n - 2)) !== stored) return bad(true);
  return ok(s, s.startsWith('M'));
}

/** EOS (Antelope) account name: 1-12 of a-z, 1-5 and '.', not ending in '.'. No checksum exists. */
function eos(s: string): Verdict {
  return /^[a-z1-5.]{0,11}[a-z1-5]$/.test(s) ? ok(s) : bad();
}

/** A bech32 (not bech32m) account address with a fixed prefix: cosmos1… (20-byte accounts, 32-byte module/ICA accounts), bnb1… (20 bytes). */
function bech32Account(s: string, hrp: string, sizes: number[]): Verdict {
  const lower = singleCase(s);
  if (!lower?.startsWith(`${hrp}1`) || lower.length > 90) return bad();
  const res = bech32.decodeUnsafe(lower, 90);
  if (!res) return bad(bech32Typo(s, hrp), true);
  if (res.prefix !== hrp) return bad(false, true);
  try {
    const bytes = bech32.fromWords(res.words);
    return sizes.includes(bytes.length) ? ok(lower) : bad(false, true);
  } catch {
    return bad(false, true);
  }
}

type Family = 'btc' | 'ltc' | 'evm' | 'trx' | 'xrp' | 'xlm' | 'eos' | 'atom' | 'bnb';
const FAMILY: Record<Chain, Family> = { btc: 'btc', ltc: 'ltc', eth: 'evm', erc20: 'evm', bep20: 'evm', trx: 'trx', xrp: 'xrp', xlm: 'xlm', eos: 'eos', atom: 'atom', bnb: 'bnb' };

function parseAddress(family: Family, s: string): Verdict {
  switch (family) {
    case 'btc':
      return bitcoinLike(s, BTC);
    case 'ltc':
      return bitcoinLike(s, LTC);
    case 'evm':
      return evm(s);
    case 'trx':
      return tron(s);
    case 'xrp':
      return xrp(s);
    case 'xlm':
      return stellar(s);
    case 'eos':
      return eos(s);
    case 'atom':
      return bech32Account(s, 'cosmos', [20, 32]);
    case 'bnb':
      return bech32Account(s, 'bnb', [20]);
  }
}

/** The input trimmed of surrounding white space ('' when blank or missing), or null when it is not a string or is over MAX_INPUT. */
function prepare(input: unknown): string | null {
  if (input === undefined || input === null) return '';
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  return input.trim();
}

function verdicts(s: string): Map<Family, Verdict> {
  const out = new Map<Family, Verdict>();
  for (const family of new Set(Object.values(FAMILY))) out.set(family, parseAddress(family, s));
  return out;
}

function chainsOf(all: Map<Family, Verdict>): Chain[] {
  return CHAINS.filter((c) => all.get(FAMILY[c])?.ok === true);
}

/** Every chain on which the string is a valid address (in CHAINS order; surrounding white space ignored). */
export function detectChains(address: string): Chain[] {
  const s = prepare(address);
  return s ? chainsOf(verdicts(s)) : [];
}

/** Whether `address` is a valid deposit address on `chain`, and if not, why. */
export function checkAddress(chain: Chain, address: string): AddressCheck {
  const memoChain = MEMO_CHAINS.includes(chain);
  const s = prepare(address);
  if (s === '') return { chain, valid: false, validOn: [], problem: 'empty', memoRequired: memoChain };
  if (s === null) return { chain, valid: false, validOn: [], problem: 'format', memoRequired: memoChain };
  const all = verdicts(s);
  const validOn = chainsOf(all);
  const family = isChain(chain) ? FAMILY[chain] : undefined;
  const verdict = family ? all.get(family) : undefined;
  if (verdict?.ok) return { chain, valid: true, validOn, memoRequired: memoChain && !verdict.memoEmbedded, normalized: verdict.normalized };
  return { chain, valid: false, validOn, problem: invalidReason(s, validOn, verdict), memoRequired: memoChain };
}

/**
 * Why an address is not valid on the chosen chain. Another chain wins when the
 * evidence is strong: a checksummed address of it. EOS names have no checksum
 * and any short lower-case word is one ('hello', 'bc1rw5uspcuh'), so only a
 * 12-character name (the form of ordinary and exchange accounts) that shows no
 * sign of being meant for the chosen chain counts as 'other-chain'; otherwise it
 * is a 'checksum' or 'format' problem and `validOn` still lists eos.
 */
function invalidReason(s: string, validOn: Chain[], verdict: Verdict | undefined): AddressProblem {
  if (validOn.some((c) => c !== 'eos')) return 'other-chain';
  if (verdict && !verdict.ok && verdict.checksum) return 'checksum';
  const near = verdict && !verdict.ok && verdict.near === true;
  if (validOn.includes('eos') && s.length === 12 && !near) return 'other-chain';
  return 'format';
}

/** Whether an address refused for `chain` is one of its test network's ("tb1…", "m…", "tltc1…"): said so, not only "not in the format". */
export function isTestnetAddress(chain: Chain, address: string): boolean {
  const s = address.trim();
  if (chain === 'btc') return /^(?:tb1|bcrt1)[02-9ac-hj-np-z]{8,87}$/i.test(s) || /^[mn2][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(s);
  if (chain === 'ltc') return /^(?:tltc1|rltc1)[02-9ac-hj-np-z]{8,87}$/i.test(s);
  return false;
}

// ---------------------------------------------------------------- TxIDs

const HEX64 = /^[0-9a-fA-F]{64}$/;
const EVM_HASH = /^0x[0-9a-fA-F]{64}$/;
const UPPER_TXID: readonly Chain[] = ['xrp', 'atom', 'bnb'];

/**
 * Whether `txid` is shaped like a transaction id of `chain`: 64 hex digits
 * (0x + 64 for eth/erc20/bep20). Normalized to lower case, or upper case for
 * xrp, atom and bnb, as their explorers show them.
 */
export function checkTxid(chain: Chain, txid: string): TxidCheck {
  const s = prepare(txid);
  if (s === '') return { chain, valid: false, problem: 'empty' };
  if (s === null || !isChain(chain)) return { chain, valid: false, problem: 'format' };
  if (FAMILY[chain] === 'evm') return EVM_HASH.test(s) ? { chain, valid: true, normalized: s.toLowerCase() } : { chain, valid: false, problem: 'format', ...(HEX64.test(s) ? { hint: 'needs-0x' as const } : {}) };
  if (!HEX64.test(s)) return { chain, valid: false, problem: 'format', ...(EVM_HASH.test(s) ? { hint: 'no-0x' as const } : {}) };
  return { chain, valid: true, normalized: UPPER_TXID.includes(chain) ? s.toUpperCase() : s.toLowerCase() };
}

// ---------------------------------------------------------------- memos

/**
 * Longest memo in UTF-8 bytes: XLM MEMO_TEXT 28; EOS 256 (eosio.token counts
 * bytes); Cosmos 256 (MaxMemoCharacters, checked with Go's byte-counting len);
 * BNB Beacon Chain 256 as for its Cosmos-SDK relatives (not checked against a
 * node). Counting bytes is stricter than counting characters for non-ASCII text.
 */
const MEMO_BYTES: Partial<Record<Chain, number>> = { xlm: 28, eos: 256, atom: 256, bnb: 256 };

/** Control characters, invisible or direction-changing characters, and lone surrogates: never part of a memo someone was given to copy. */
function hasHiddenCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

function memoValid(chain: Chain, memo: string): boolean {
  if (chain === 'xrp') return memo.length <= 10 && /^[0-9]+$/.test(memo) && Number(memo) <= 0xffffffff; // destination tag: UInt32
  const max = MEMO_BYTES[chain];
  if (max === undefined) return true;
  // A UTF-16 length over the limit is already over it in UTF-8, so huge strings are never encoded.
  return memo.length <= max && !hasHiddenCharacters(memo) && utf8Length(memo) <= max;
}

/**
 * Whether the memo / destination tag fits `chain`. XRP: integer 0..4294967295.
 * XLM: text of at most 28 UTF-8 bytes (which covers every uint64 memo id).
 * EOS/ATOM/BNB: text of at most 256 UTF-8 bytes (the on-chain limits count
 * bytes, so this is stricter than 256 characters for non-ASCII text). Text
 * memos with control, invisible or bidi-override characters are refused.
 * Chains without memos: never required, and a memo given anyway is harmless.
 * Surrounding white space is ignored; a blank memo counts as not given.
 */
export function checkMemo(chain: Chain, memo: string | undefined): MemoCheck {
  const required = MEMO_CHAINS.includes(chain);
  const text = typeof memo === 'string' ? memo.trim() : '';
  const given = text !== '';
  if (!given) return required ? { chain, required, given, valid: false, problem: 'missing' } : { chain, required, given, valid: true };
  if (!required) return { chain, required, given, valid: true };
  return memoValid(chain, text) ? { chain, required, given, valid: true } : { chain, required, given, valid: false, problem: 'format' };
}

// ---------------------------------------------------------------- transfers

/**
 * One call for a transfer: the address on the chosen chain, the TxID and the
 * memo, with the findings a support ticket needs. A blank address or TxID is
 * reported in `address`/`txid` as 'empty' but is not a finding (nothing was
 * given). An XRP X-address or XLM muxed address carries the tag/id itself, so
 * no memo is then required; an XRP memo that differs from the X-address's tag
 * is 'memo-invalid'.
 */
export function checkTransfer(input: { chain: Chain; address?: string; txid?: string; memo?: string }): TransferCheck {
  const { chain } = input ?? ({} as { chain: Chain });
  const findings: TransferFinding[] = [];
  const out: TransferCheck = { chain, memo: checkMemo(chain, input?.memo), findings };

  if (input?.address !== undefined) {
    const address = checkAddress(chain, input.address);
    out.address = address;
    if (address.problem === 'other-chain') findings.push('wrong-chain');
    else if (address.problem === 'checksum' || address.problem === 'format') findings.push('bad-address');

    if (address.valid && out.memo.required && !address.memoRequired) {
      const tag = chain === 'xrp' && address.normalized ? xAddressTag(address.normalized) : undefined;
      const memo = out.memo;
      if (!memo.given) out.memo = { chain, required: false, given: false, valid: true };
      else if (typeof tag === 'number' && memo.valid && Number(input.memo?.trim()) !== tag) out.memo = { chain, required: false, given: true, valid: false, problem: 'format' };
      else out.memo = { ...memo, required: false };
    }
  }

  if (input?.txid !== undefined) {
    const txid = checkTxid(chain, input.txid);
    out.txid = txid;
    if (txid.problem === 'format') findings.push('bad-txid');
  }

  if (out.memo.problem === 'missing') findings.push('memo-missing');
  else if (out.memo.problem === 'format') findings.push('memo-invalid');
  return out;
}
