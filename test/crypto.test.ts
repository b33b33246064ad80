/**
 * Crypto address / TxID / memo checks, against published test vectors:
 * BIP-173 and BIP-350 (segwit addresses), EIP-55, SEP-23 (Stellar StrKey), the
 * ripple-address-codec README and xrpl.js X-address vectors, and well-known
 * mainnet addresses (Bitcoin genesis coinbase, Tether's TRC-20 contract, the
 * XRP Ledger genesis account).
 */
import { Address } from '@scure/btc-signer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAINS, MEMO_CHAINS, chainFromText, checkAddress, checkMemo, checkTransfer, checkTxid, detectChains, isChain, tokenWithoutNetwork, type Chain } from '../src/checks/crypto.js';

const EVM: Chain[] = ['eth', 'erc20', 'bep20'];

function expectValid(chain: Chain, address: string, normalized?: string) {
  const r = checkAddress(chain, address);
  expect(r, `${chain} ${address}`).toMatchObject({ chain, valid: true });
  expect(r.problem).toBeUndefined();
  expect(r.validOn).toContain(chain);
  if (normalized !== undefined) expect(r.normalized).toBe(normalized);
  return r;
}

function expectInvalid(chain: Chain, address: string, problem: 'empty' | 'checksum' | 'format' | 'other-chain') {
  const r = checkAddress(chain, address);
  expect(r, `${chain} ${JSON.stringify(address.slice(0, 80))}`).toMatchObject({ chain, valid: false, problem });
  expect(r.normalized).toBeUndefined();
  expect(r.validOn).not.toContain(chain);
  return r;
}

describe('the chain list', () => {
  it('has the memo chains and recognises chain names', () => {
    expect([...MEMO_CHAINS].sort()).toEqual(['atom', 'bnb', 'eos', 'xlm', 'xrp']);
    expect(CHAINS.every(isChain)).toBe(true);
    expect(isChain('doge')).toBe(false);
    expect(isChain(undefined)).toBe(false);
  });
});

describe('BTC addresses', () => {
  // BIP-350 "valid segwit addresses" (mainnet ones; the tb1 ones are testnet), including BIP-173's first vector.
  const bip350Valid: [string, string][] = [
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'p2wpkh, upper case'],
    ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', 'v1, 40-byte program'],
    ['BC1SW50QGDZ25J', 'v16, 2-byte program'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', 'v2, 16-byte program'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'taproot (v1, 32 bytes)'],
  ];
  it.each(bip350Valid)('accepts the BIP-350 vector %s (%s), normalized to lower case', (address) => {
    expectValid('btc', address, address.toLowerCase());
  });

  it('accepts the genesis P2PKH address and the Bitcoin wiki P2SH example', () => {
    expectValid('btc', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expectValid('btc', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy');
  });

  it('reports a one-character typo in each address type as a checksum problem', () => {
    expectInvalid('btc', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'checksum');
    expectInvalid('btc', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz', 'checksum');
    expectInvalid('btc', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'checksum'); // BIP-173: invalid checksum
    expectInvalid('btc', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj9', 'checksum');
  });

  // BIP-173 and BIP-350 "invalid segwit addresses", with the reason the BIPs give.
  const invalid: [string, string][] = [
    ['tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty', 'BIP-173: invalid human-readable part'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'BIP-173: invalid checksum'],
    ['BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2', 'BIP-173: invalid witness version'],
    ['bc1rw5uspcuh', 'BIP-173: invalid program length'],
    ['bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90', 'BIP-173: invalid program length'],
    ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'BIP-173: invalid program length for witness version 0'],
    ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7', 'BIP-173: mixed case'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'BIP-173: zero padding of more than 4 bits'],
    ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', 'BIP-173: non-zero padding in 8-to-5 conversion'],
    ['bc1gmk9yu', 'BIP-173: empty data section'],
    ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'BIP-350: invalid human-readable part'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'BIP-350: bech32 instead of bech32m'],
    ['tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', 'BIP-350: bech32 instead of bech32m'],
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'BIP-350: bech32 instead of bech32m'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'BIP-350: bech32m instead of bech32'],
    ['tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', 'BIP-350: bech32m instead of bech32'],
    ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'BIP-350: invalid character in checksum'],
    ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'BIP-350: invalid witness version'],
    ['bc1pw5dgrnzv', 'BIP-350: invalid program length (1 byte)'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', 'BIP-350: invalid program length (41 bytes)'],
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'BIP-350: mixed case'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'BIP-350: zero padding of more than 4 bits'],
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', 'BIP-350: non-zero padding in 8-to-5 conversion'],
  ];
  it.each(invalid)('rejects %s (%s) on every chain', (address) => {
    const r = checkAddress('btc', address);
    expect(r.valid).toBe(false);
    expect(r.problem === 'checksum' || r.problem === 'format').toBe(true);
    // The two 12-character ones happen to be well-formed EOS account names (a-z, 1-5): nothing else may match.
    expect(detectChains(address)).toEqual(address.length === 12 ? ['eos'] : []);
  });

  it('does not call a malformed bc1 string an EOS account, though it is one', () => {
    expect(checkAddress('btc', 'bc1rw5uspcuh')).toMatchObject({ valid: false, problem: 'format', validOn: ['eos'] });
    expect(checkAddress('eos', 'bc1rw5uspcuh').valid).toBe(true);
  });

  it('rejects the BIP-350 testnet vectors on mainnet', () => {
    for (const address of [
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
      'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
      'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
    ]) {
      expectInvalid('btc', address, 'format');
    }
  });

  it('reports a BTC address given for TRX as another chain', () => {
    const r = expectInvalid('trx', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'other-chain');
    expect(r.validOn).toEqual(['btc']);
    expect(expectInvalid('trx', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'other-chain').validOn).toEqual(['btc']);
  });
});

describe('LTC addresses', () => {
  // Bisq's Litecoin asset tests (L…, M…, ltc1…), a Go validator's mainnet cases (M…), and the Litecoin
  // project's P2SH converter example pair (3… legacy P2SH and the same script as M…).
  const valid = [
    'Lg3PX8wRWmApFCoCMAsPF5P9dPHYQHEWKW',
    'LTuoeY6RBHV3n3cfhXVVTbJbxzxnXs9ofm',
    'LgfapHEPhZbRF9pMd5WPT35hFXcZS1USrW',
    'LUd28DgwFmae8thFhaPYHGVmps4XockqfQ',
    'MGEW4aba3tnrVtVhGcmoqqHaLt5ymPSLPi',
    'MLkMXXwmuFFA5L6DmTejSgcxwZfT99f7pg',
    'MAsH73PokbiRoBdEzRyMZgero9ELZSciyE',
    '34f8o9yqoUrzzgMLtYz1k3QTUSdtcDT9h9',
    'ltc1qxtm55gultqzhqzl2p3ks50hg2478y3hehuj6dz',
  ];
  it.each(valid)('accepts %s', (address) => {
    expectValid('ltc', address);
  });

  it('normalizes an upper-case ltc1 address to lower case', () => {
    expectValid('ltc', 'LTC1QXTM55GULTQZHQZL2P3KS50HG2478Y3HEHUJ6DZ', 'ltc1qxtm55gultqzhqzl2p3ks50hg2478y3hehuj6dz');
  });

  it('reads the legacy 3… and the M… form of the converter pair as the same script hash', () => {
    const legacy = Address({ bech32: 'ltc', pubKeyHash: 0x30, scriptHash: 0x05, wif: 0xb0 }).decode('34f8o9yqoUrzzgMLtYz1k3QTUSdtcDT9h9');
    const modern = Address({ bech32: 'ltc', pubKeyHash: 0x30, scriptHash: 0x32, wif: 0xb0 }).decode('MAsH73PokbiRoBdEzRyMZgero9ELZSciyE');
    expect(legacy).toEqual(modern);
    // A 3… address is the same string on both chains: both are listed.
    expect(detectChains('34f8o9yqoUrzzgMLtYz1k3QTUSdtcDT9h9')).toEqual(['btc', 'ltc']);
    expect(detectChains('MAsH73PokbiRoBdEzRyMZgero9ELZSciyE')).toEqual(['ltc']);
  });

  it('rejects Bisq\'s invalid Litecoin addresses, typos as checksum problems', () => {
    expectInvalid('ltc', 'LgfapHEPhZbdRF9pMd5WPT35hFXcZS1USrW', 'format'); // one character too many
    expectInvalid('ltc', '1LgfapHEPhZbRF9pMd5WPT35hFXcZS1USrW', 'format');
    expectInvalid('ltc', 'Lg3PX8wRWmApFCoCMAsPF5P9dPHYQHEWKX', 'checksum');
    expectInvalid('ltc', 'MGEW4aba3tnrVtVhGcmoqqHaLt5ymPSLPj', 'checksum');
    expectInvalid('ltc', 'ltc1qxtm55gultqzhqzl2p3ks50hg2478y3hehuj6dy', 'checksum');
  });

  it('rejects Litecoin testnet addresses on mainnet', () => {
    expectInvalid('ltc', 'mhKYHWXLmQb93RuzyVmTK2KmM8KJPFrzdb', 'format');
    expectInvalid('ltc', 'Qcjgixb2zRFpZYdrp3FHPpkwYgiFdo1XaU', 'format');
  });

  it('reports a BTC bech32 address given for LTC as another chain, and the other way round', () => {
    const r = expectInvalid('ltc', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'other-chain');
    expect(r.validOn).toEqual(['btc']);
    expect(expectInvalid('ltc', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'other-chain').validOn).toEqual(['btc']);
    expect(expectInvalid('btc', 'ltc1qxtm55gultqzhqzl2p3ks50hg2478y3hehuj6dz', 'other-chain').validOn).toEqual(['ltc']);
    expect(expectInvalid('btc', 'Lg3PX8wRWmApFCoCMAsPF5P9dPHYQHEWKW', 'other-chain').validOn).toEqual(['ltc']);
  });
});

describe('ETH / ERC-20 / BEP-20 addresses (EIP-55)', () => {
  const mixed = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];
  it.each(mixed)('accepts the EIP-55 vector %s on eth, erc20 and bep20', (address) => {
    for (const chain of EVM) expect(expectValid(chain, address, address).validOn).toEqual(EVM);
    expect(detectChains(address)).toEqual(EVM);
  });

  it('accepts all-lower and all-upper case (no checksum) and normalizes to the EIP-55 form', () => {
    for (const address of mixed) {
      expectValid('eth', address.toLowerCase(), address);
      expectValid('bep20', `0x${address.slice(2).toUpperCase()}`, address);
    }
    // EIP-55's all-caps and all-lower examples.
    expectValid('eth', '0x52908400098527886E0F7030069857D2E4169EE7');
    expectValid('eth', '0x8617E340B3D01FA5F11F306F4090FD50E238070D');
    expectValid('eth', '0xde709f2102306220921060314715629080e2fb77');
    expectValid('eth', '0x27b1fdb04752bbc536007a920d24acb045561c26');
  });

  it('rejects a case-flipped address as a checksum problem', () => {
    for (const address of mixed) {
      const i = [...address].findIndex((c, k) => k > 1 && /[a-fA-F]/.test(c));
      const c = address.charAt(i);
      const flipped = address.slice(0, i) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + address.slice(i + 1);
      for (const chain of EVM) expectInvalid(chain, flipped, 'checksum');
    }
  });

  it('rejects wrong lengths, a missing 0x and non-hex characters', () => {
    expectInvalid('eth', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', 'format');
    expectInvalid('eth', '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'format');
    expectInvalid('eth', '0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'format');
    expectInvalid('eth', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg', 'format');
  });

  it('reports an ETH address given for BTC as another chain', () => {
    const r = expectInvalid('btc', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'other-chain');
    expect(r.validOn).toEqual(EVM);
  });
});

describe('TRX addresses', () => {
  it('accepts the USDT TRC-20 contract address', () => {
    expectValid('trx', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    expect(detectChains('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual(['trx']);
  });

  it('rejects a broken checksum and other shapes', () => {
    expectInvalid('trx', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'checksum');
    expectInvalid('trx', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6', 'format');
    expectInvalid('trx', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60', 'format'); // '0' is not Base58
  });

  it('reports a TRX address given for ETH as another chain', () => {
    expect(expectInvalid('erc20', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'other-chain').validOn).toEqual(['trx']);
  });
});

describe('XRP addresses', () => {
  it('accepts the genesis account and other classic addresses, memo required', () => {
    for (const address of ['rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh', 'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf', 'r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59']) {
      const r = expectValid('xrp', address, address);
      expect(r.memoRequired).toBe(true);
      expect(r.validOn).toEqual(['xrp']);
    }
  });

  // ripple-address-codec README (tag 4294967295) and xrpl.js's X-address vectors (no tag, tag 0, tag 1).
  it.each([
    ['XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHi'],
    ['XVLhHMPHU98es4dbozjVtdWzVrDjtV8AqEL4xcZj5whKbmc'],
    ['X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ'],
    ['X7AcgcsBL6XDcUb289X4mJ8djcdyKaGZMhc9YTE92ehJ2Fu'],
  ])('accepts the mainnet X-address %s, which carries its own tag', (address) => {
    expect(expectValid('xrp', address, address).memoRequired).toBe(false);
  });

  it('rejects the README\'s test-network X-address on mainnet', () => {
    expectInvalid('xrp', 'T7oKJ3q7s94kDH6tpkBowhetT1JKfcfdSCmAXbS75iATyLD', 'format');
  });

  it('rejects broken checksums', () => {
    expectInvalid('xrp', 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi', 'checksum');
    expectInvalid('xrp', 'XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHj', 'checksum');
    expectInvalid('xrp', 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTO', 'format'); // 'O' is not in the XRP alphabet
  });

  it('reports a Bitcoin address given for XRP as another chain (the alphabets differ)', () => {
    expect(expectInvalid('xrp', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'other-chain').validOn).toEqual(['btc']);
  });
});

describe('XLM addresses (SEP-23 StrKey)', () => {
  it('accepts SEP-23\'s valid account and muxed accounts', () => {
    expect(expectValid('xlm', 'GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ').memoRequired).toBe(true);
    expect(expectValid('xlm', 'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ').memoRequired).toBe(false);
    expectValid('xlm', 'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLK');
  });

  it('rejects SEP-23\'s non-account strkeys (contract, pool, claimable balance, signed payload) as deposit addresses', () => {
    for (const s of [
      'CA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUWDA',
      'LA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUPJN',
      'BAAD6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGR4TU',
      'PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAQACAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUPB6IBZGM',
    ]) {
      expect(checkAddress('xlm', s).valid).toBe(false);
    }
  });

  // Every invalid strkey listed in SEP-23.
  it.each([
    'GAAAAAAAACGC6',
    'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUR',
    'GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA',
    'GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUACUSI',
    'G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I',
    'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLKA',
    'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAAV75I',
    'M47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ',
    'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUK===',
    'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUO',
    'PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAQACAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUPB6IAAAAAAAAPM',
    'PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4Z2PQ',
    'PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DXFH6',
    'BAAD6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGR4TV',
    'BAAT6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGXACA',
  ])('rejects SEP-23\'s invalid strkey %s', (s) => {
    expect(checkAddress('xlm', s).valid).toBe(false);
    expect(detectChains(s)).toEqual([]);
  });

  it('reports SEP-23\'s bad-checksum vector and a typo as checksum problems', () => {
    expectInvalid('xlm', 'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUO', 'checksum');
    expectInvalid('xlm', 'GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGY', 'checksum');
    expectInvalid('xlm', 'ga7qynf7sowq3glr2bgmzehxavirza4kvwltjjfc7mgxua74p7ujvsgz', 'format'); // strkeys are upper case
  });
});

describe('EOS, ATOM and BNB Beacon Chain addresses', () => {
  it('calls a 12-character EOS account given for another chain other-chain, but not any short word', () => {
    expect(checkAddress('btc', 'binancecleos')).toMatchObject({ valid: false, problem: 'other-chain', validOn: ['eos'] });
    expect(checkAddress('btc', 'hello')).toMatchObject({ valid: false, problem: 'format', validOn: ['eos'] });
    expect(checkTransfer({ chain: 'xrp', address: 'binancecleos', memo: '1' }).findings).toEqual(['wrong-chain']);
  });

  it('accepts EOS account names and rejects malformed ones', () => {
    for (const name of ['eosio', 'eosio.token', 'binancecleos', 'a', '12345abcdefg']) expectValid('eos', name, name);
    for (const name of ['EOSIO', 'eosio.', 'abcdefghijklm', 'abc6', 'abc-def', 'ab.']) expectInvalid('eos', name, 'format');
  });

  it('accepts cosmos1 addresses from Keplr and Trust Wallet tests, lower-cased', () => {
    expectValid('atom', 'cosmos1hsk6jryyqjfhp5dhc55tc9jtckygx0eph6dd02');
    expectValid('atom', 'cosmos1vv6hruquzpty4xpks9znkw8gys5x4nsnqw9f4k');
    expectValid('atom', 'COSMOS1VV6HRUQUZPTY4XPKS9ZNKW8GYS5X4NSNQW9F4K', 'cosmos1vv6hruquzpty4xpks9znkw8gys5x4nsnqw9f4k');
  });

  it('rejects broken or foreign cosmos addresses', () => {
    expectInvalid('atom', 'cosmos1hsk6jryyqjfhp5dhc55tc9jtckygx0eph6dd03', 'checksum');
    expectInvalid('atom', 'cosmosvaloper1sxx9mszve0gaedz5ld7qdkjkfv8z992ax69k08', 'format'); // a validator, not an account
    expect(expectInvalid('atom', 'bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h2', 'other-chain').validOn).toEqual(['bnb']);
  });

  it('accepts bnb1 addresses from Trust Wallet tests and rejects the testnet and broken ones', () => {
    expectValid('bnb', 'bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h2');
    expectValid('bnb', 'bnb12vtaxl9952zm6rwf7v8jerq74pvaf77fcmvzhw');
    expectValid('bnb', 'bnb1vhvnd7v8900adfytj2yl9sldapa6p9ghcnaqtz');
    expectInvalid('bnb', 'tbnb1devga6q804tx9fqrnx0vtu5r36kxgp9t4ruzk2', 'format');
    expectInvalid('bnb', 'bad1devga6q804tx9fqrnx0vtu5r36kxgp9tqx8h9k', 'format');
    expectInvalid('bnb', 'bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h3', 'checksum');
  });

  it('tells BNB Beacon Chain from BNB Smart Chain', () => {
    expect(expectInvalid('bnb', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'other-chain').validOn).toEqual(EVM);
    expect(expectInvalid('bep20', 'bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h2', 'other-chain').validOn).toEqual(['bnb']);
  });
});

describe('empty and padded input', () => {
  it('reports empty and blank addresses as empty', () => {
    for (const chain of CHAINS) {
      expectInvalid(chain, '', 'empty');
      expectInvalid(chain, '  \n\t', 'empty');
    }
    expect(detectChains('')).toEqual([]);
  });

  it('ignores white space around a pasted address, not inside it', () => {
    expectValid('btc', '  1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expectInvalid('btc', '1A1zP1eP5QGefi2D MPTfTL5SLmv7DivfNa', 'format');
  });

  it('gives the memo requirement of the chain even for a bad address', () => {
    expect(checkAddress('xrp', 'nonsense!').memoRequired).toBe(true);
    expect(checkAddress('btc', 'nonsense!').memoRequired).toBe(false);
  });
});

describe('TxIDs', () => {
  const genesis = '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b';
  const ethHash = '0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b';

  it('accepts the BTC genesis coinbase txid and normalizes case', () => {
    expect(checkTxid('btc', genesis)).toEqual({ chain: 'btc', valid: true, normalized: genesis });
    expect(checkTxid('ltc', genesis.toUpperCase())).toEqual({ chain: 'ltc', valid: true, normalized: genesis });
    expect(checkTxid('trx', ` ${genesis} `)).toEqual({ chain: 'trx', valid: true, normalized: genesis });
  });

  it('wants 0x + 64 hex on eth, erc20 and bep20', () => {
    for (const chain of EVM) {
      expect(checkTxid(chain, ethHash)).toEqual({ chain, valid: true, normalized: ethHash });
      expect(checkTxid(chain, ethHash.toUpperCase().replace('0X', '0x'))).toEqual({ chain, valid: true, normalized: ethHash });
      expect(checkTxid(chain, ethHash.slice(2))).toMatchObject({ valid: false, problem: 'format' });
    }
    expect(checkTxid('btc', ethHash)).toMatchObject({ valid: false, problem: 'format' });
  });

  it('uses upper case for xrp, atom and bnb, lower case for xlm and eos', () => {
    for (const chain of ['xrp', 'atom', 'bnb'] as const) expect(checkTxid(chain, genesis)).toEqual({ chain, valid: true, normalized: genesis.toUpperCase() });
    for (const chain of ['xlm', 'eos'] as const) expect(checkTxid(chain, genesis.toUpperCase())).toEqual({ chain, valid: true, normalized: genesis });
  });

  it('rejects wrong lengths, non-hex and empty input', () => {
    for (const chain of CHAINS) {
      expect(checkTxid(chain, '')).toEqual({ chain, valid: false, problem: 'empty' });
      expect(checkTxid(chain, genesis.slice(1))).toMatchObject({ valid: false, problem: 'format' });
      expect(checkTxid(chain, `${genesis}0`)).toMatchObject({ valid: false, problem: 'format' });
      expect(checkTxid(chain, genesis.replace('a', 'g'))).toMatchObject({ valid: false, problem: 'format' });
    }
  });
});

describe('memos', () => {
  it('needs a memo on the memo chains only', () => {
    for (const chain of CHAINS) {
      const r = checkMemo(chain, undefined);
      if (MEMO_CHAINS.includes(chain)) expect(r).toEqual({ chain, required: true, given: false, valid: false, problem: 'missing' });
      else expect(r).toEqual({ chain, required: false, given: false, valid: true });
    }
    expect(checkMemo('xrp', '   ').problem).toBe('missing');
    expect(checkMemo('btc', 'a memo anyway')).toEqual({ chain: 'btc', required: false, given: true, valid: true });
  });

  it('checks XRP destination tags as UInt32', () => {
    expect(checkMemo('xrp', '0').valid).toBe(true);
    expect(checkMemo('xrp', '123456').valid).toBe(true);
    expect(checkMemo('xrp', ' 4294967295 ').valid).toBe(true);
    for (const tag of ['abc', '4294967296', '-1', '1.5', '12 34', '99999999999', '１２３']) {
      expect(checkMemo('xrp', tag), tag).toMatchObject({ given: true, valid: false, problem: 'format' });
    }
  });

  it('checks XLM memos as at most 28 bytes of text (which covers every uint64 id)', () => {
    expect(checkMemo('xlm', 'a'.repeat(28)).valid).toBe(true);
    expect(checkMemo('xlm', '18446744073709551615').valid).toBe(true);
    expect(checkMemo('xlm', 'a'.repeat(29))).toMatchObject({ valid: false, problem: 'format' });
    expect(checkMemo('xlm', 'é'.repeat(15))).toMatchObject({ valid: false, problem: 'format' }); // 15 characters, 30 bytes
  });

  it('checks EOS, ATOM and BNB memos as text of at most 256 bytes', () => {
    for (const chain of ['eos', 'atom', 'bnb'] as const) {
      expect(checkMemo(chain, 'x'.repeat(256)).valid).toBe(true);
      expect(checkMemo(chain, 'x'.repeat(257)).problem).toBe('format');
      expect(checkMemo(chain, 'deposit 104577').valid).toBe(true);
    }
  });

  it('refuses control, invisible and direction-changing characters in text memos', () => {
    for (const memo of ['12\u000034', 'abc\u202Edef', 'abc\u200Bdef', 'abc\uD800def']) {
      expect(checkMemo('eos', memo).problem, JSON.stringify(memo)).toBe('format');
    }
    expect(checkMemo('atom', 'emoji 🎉 ok').valid).toBe(true);
  });
});

describe('checkTransfer', () => {
  it('finds nothing wrong with a good transfer', () => {
    const r = checkTransfer({ chain: 'xrp', address: 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh', txid: 'c53ecf838647fa5a4c780377025fedf4bb2e5f4d5bbc0f7a7b9f4a8c7f2e6b3e', memo: '12345' });
    expect(r.findings).toEqual([]);
    expect(r.address?.valid).toBe(true);
    expect(r.txid?.normalized).toBe('C53ECF838647FA5A4C780377025FEDF4BB2E5F4D5BBC0F7A7B9F4A8C7F2E6B3E');
    expect(r.memo).toEqual({ chain: 'xrp', required: true, given: true, valid: true });
  });

  it('reports a missing XRP destination tag', () => {
    expect(checkTransfer({ chain: 'xrp', address: 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh' }).findings).toEqual(['memo-missing']);
    expect(checkTransfer({ chain: 'xrp' }).findings).toEqual(['memo-missing']);
  });

  it('reports an invalid tag, a wrong chain and a bad TxID together', () => {
    const r = checkTransfer({ chain: 'xrp', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', txid: 'not-a-txid', memo: 'abc' });
    expect(r.findings).toEqual(['wrong-chain', 'bad-txid', 'memo-invalid']);
    expect(r.address?.validOn).toEqual(EVM);
  });

  it('reports a mistyped address as bad-address', () => {
    expect(checkTransfer({ chain: 'eth', address: '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }).findings).toEqual(['bad-address']);
    expect(checkTransfer({ chain: 'btc', address: 'hello there' }).findings).toEqual(['bad-address']);
    expect(checkTransfer({ chain: 'btc', address: 'hello' }).findings).toEqual(['bad-address']); // an EOS name, but only 5 letters
  });

  it('does not make a finding of a blank address or TxID, which were simply not given', () => {
    const r = checkTransfer({ chain: 'btc', address: '', txid: ' ' });
    expect(r.findings).toEqual([]);
    expect(r.address?.problem).toBe('empty');
    expect(r.txid?.problem).toBe('empty');
  });

  it('needs no memo with an X-address, but refuses a tag that contradicts it', () => {
    const tagged = 'XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHi'; // tag 4294967295
    expect(checkTransfer({ chain: 'xrp', address: tagged })).toMatchObject({ findings: [], memo: { required: false, given: false, valid: true } });
    expect(checkTransfer({ chain: 'xrp', address: tagged, memo: '4294967295' }).findings).toEqual([]);
    expect(checkTransfer({ chain: 'xrp', address: tagged, memo: '7' }).findings).toEqual(['memo-invalid']);
    expect(checkTransfer({ chain: 'xrp', address: 'X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ' }).findings).toEqual([]);
  });

  it('needs no memo with an XLM muxed address', () => {
    expect(checkTransfer({ chain: 'xlm', address: 'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ' }).findings).toEqual([]);
    expect(checkTransfer({ chain: 'xlm', address: 'GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ' }).findings).toEqual(['memo-missing']);
  });

  it('is fine without a memo on BTC', () => {
    expect(checkTransfer({ chain: 'btc', address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', txid: '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b' }).findings).toEqual([]);
  });
});

describe('hostile input', () => {
  const valid = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
  const hostile = [
    'x'.repeat(1024 * 1024),
    `${valid}${' '.repeat(1024 * 1024)}`,
    '1'.repeat(1024 * 1024),
    `${valid}\u0000`,
    `\u0007${valid}`,
    `\u202E${valid}`,
    `${valid.slice(0, 10)}\u200B${valid.slice(10)}`,
    `${valid}🎉`,
    '🎉🎉🎉',
    '\uD800',
    'bc1\u0000qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    'ｂｃ１ｑｗ５０８ｄ６ｑｅｊｘｔｄｇ４ｙ５ｒ３ｚａｒｖａｒｙ０ｃ５ｘｗ７ｋｖ８ｆ３ｔ４',
    '0x５aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    'مرحبا\u202Bשלום',
  ];

  it('never throws and never accepts them', () => {
    for (const s of hostile) {
      for (const chain of CHAINS) {
        const a = checkAddress(chain, s);
        expect(a.valid).toBe(false);
        expect(a.problem === 'format' || a.problem === 'checksum').toBe(true);
        expect(checkTxid(chain, s).valid).toBe(false);
        const m = checkMemo(chain, s);
        if (chain === 'xrp') expect(m.valid).toBe(false);
        expect(checkTransfer({ chain, address: s, txid: s, memo: s }).findings.length).toBeGreaterThan(0);
      }
      expect(detectChains(s)).toEqual([]);
    }
  });

  it('does not throw on values of the wrong type from untyped callers', () => {
    const any = (v: unknown) => v as string;
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(() => checkAddress('btc', any(v))).not.toThrow();
      expect(() => checkTxid('btc', any(v))).not.toThrow();
      expect(() => checkMemo('xrp', any(v))).not.toThrow();
      expect(() => detectChains(any(v))).not.toThrow();
      expect(() => checkTransfer({ chain: 'btc', address: any(v), txid: any(v), memo: any(v) })).not.toThrow();
      expect(checkAddress('btc', any(v)).valid).toBe(false);
    }
    expect(() => checkAddress(any('doge') as Chain, valid)).not.toThrow();
    expect(checkAddress(any('doge') as Chain, valid)).toMatchObject({ valid: false, problem: 'other-chain', validOn: ['btc'] });
    expect(() => checkTransfer(any(undefined) as never)).not.toThrow();
  });

  it('holds for any string: no throw, and valid exactly when the chain is in validOn', () => {
    const chain = fc.constantFrom(...CHAINS);
    const text = fc.oneof(fc.string({ maxLength: 120, unit: 'grapheme' }), fc.string({ maxLength: 80, unit: 'binary' }), fc.stringMatching(/^(bc1|ltc1|0x|cosmos1|bnb1|[GMrXT13L])[a-zA-Z0-9]{10,70}$/));
    fc.assert(
      fc.property(chain, text, (c, s) => {
        const a = checkAddress(c, s);
        expect(a.valid).toBe(a.validOn.includes(c));
        expect(a.valid).toBe(a.problem === undefined);
        expect(detectChains(s)).toEqual(a.validOn);
        checkTxid(c, s);
        checkMemo(c, s);
        checkTransfer({ chain: c, address: s, txid: s, memo: s });
      }),
      { numRuns: 400 },
    );
  });
});

describe('the chain a person writes', () => {
  it('is read from an id in any case, a coin or network name, or a coin with its network (QA: user)', () => {
    const cases: [string, string | undefined][] = [
      ['BTC', 'btc'],
      [' ltc ', 'ltc'],
      ['Bitcoin', 'btc'],
      ['Litecoin', 'ltc'],
      ['Tron', 'trx'],
      ['TRC20', 'trx'],
      ['USDT TRC20', 'trx'],
      ['USDT (TRC-20)', 'trx'],
      ['usdt erc-20', 'erc20'],
      ['ETH ERC20', 'erc20'],
      ['BSC', 'bep20'],
      ['ＢＴＣ', 'btc'],
      ['莱特币', 'ltc'],
      ['USDT 波场', 'trx'],
      ['Ripple', 'xrp'],
      ['Litecoin (LTC)', 'ltc'],
      ['BNB Smart Chain', 'bep20'],
      ['BNB Chain (BEP20)', 'bep20'],
      ['BNB Beacon Chain', 'bnb'],
      ['波场链', 'trx'],
      ['USDT on the Tron network', 'trx'],
      // Nothing known, a word that makes it another coin, or two networks: no chain, so nothing is checked
      // against the wrong one (QA: review, Bitcoin Cash was read as Bitcoin and BNB Smart Chain as the Beacon Chain).
      ['Dogecoin', undefined],
      ['USDT', undefined],
      ['BTC or ETH', undefined],
      ['Bitcoin Cash', undefined],
      ['比特币现金', undefined],
      ['Bitcoin SV', undefined],
      ['bitcoin testnet', undefined],
      ['Ethereum Classic', undefined],
      ['USDT ERC20 on TRON', undefined],
      ['', undefined],
      ['constructor', undefined],
    ];
    for (const [text, chain] of cases) expect(chainFromText(text), text).toBe(chain);
  });

  it('tells a token sent on several networks, named without one, so the network can be asked for (QA: Chinese user)', () => {
    const cases: [string, string | undefined][] = [
      ['USDT', 'usdt'],
      ['usdt token', 'usdt'],
      ['ＵＳＤＴ', 'usdt'],
      ['Tether', 'usdt'],
      ['泰达币', 'usdt'],
      ['USDC', 'usdc'],
      // With its network it is a chain; other words, or two tokens, are not this.
      ['USDT TRC20', undefined],
      ['USDC ERC-20', undefined],
      ['BTC', undefined],
      ['USDT USDC', undefined],
      ['USDT 波场', undefined],
      ['Dogecoin', undefined],
      ['', undefined],
      [`USDT ${'token '.repeat(20)}`, undefined],
    ];
    for (const [text, token] of cases) expect(tokenWithoutNetwork(text), text).toBe(token);
  });
});
