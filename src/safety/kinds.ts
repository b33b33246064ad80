/** The kinds of secret the screen recognises: a small module of its own, so the case log can check them without loading the scanner. */
export const SECRET_KINDS = ['recovery-phrase', 'private-key', 'wif-key', 'extended-private-key', 'card-number', 'card-security-code', 'one-time-code', 'password'] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];

/** The card's details: no key to the account, so what to do about them is have the card issuer block the card. */
export function isCardDetail(kind: SecretKind): kind is 'card-number' | 'card-security-code' {
  return kind === 'card-number' || kind === 'card-security-code';
}
