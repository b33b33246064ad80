/** Example command lines for each command's help: the same in every language, so kept out of the catalogues. */
export const HELP_EXAMPLES = {
  diagnose: [
    'wallet-help diagnose',
    'wallet-help diagnose login-failed',
    'wallet-help diagnose payment-failed --network ok --balance sufficient --verification pending',
    'wallet-help diagnose deposit-missing --answer method=crypto --answer send-status=completed --answer confirmations=confirming --json --no-input',
    `echo '{"network": "offline"}' | wallet-help diagnose payment-failed --answers - --json`,
    'wallet-help diagnose login-failed --agent',
    'wallet-help diagnose payment-failed --network offline --summary md --fact amount="0.5 LTC"',
    'wallet-help diagnose --resume',
  ],
  cases: [
    'wallet-help cases list --since 2026-11-01 --outcome escalate',
    'wallet-help cases show 3f2a',
    'wallet-help cases export --format csv > cases.csv',
    'wallet-help cases stats --json',
  ],
  contacts: [
    'wallet-help contacts',
    'wallet-help contacts security --open',
    'wallet-help contacts payments --now 2026-12-24T20:00:00+08:00 --json',
    'wallet-help contacts --contacts ./our-directory.yaml --provider our-wallet',
  ],
  config: [
    'wallet-help config list',
    'wallet-help config set lang zh',
    'wallet-help config set contactsFile ./our-directory.yaml',
    'wallet-help config get lang',
    'wallet-help config unset provider',
    'wallet-help config path',
  ],
  flows: [
    'wallet-help flows list',
    'wallet-help flows show payment-failed',
    'wallet-help flows graph payment-failed --format mermaid > payment-failed.mmd',
    'wallet-help flows validate ./our-flows',
    'wallet-help flows test ./our-flows --min-coverage 100',
    'wallet-help --flows ./our-flows diagnose our-new-flow',
  ],
  verify: [
    'wallet-help verify "+1 202-555-0199"',
    'wallet-help verify 020 7946 0321 --country GB',
    'wallet-help verify https://examp1e.com/login',
    'wallet-help verify support@example.com --json',
  ],
  check: [
    'wallet-help check',
    'wallet-help check connectivity clock --json',
    'wallet-help check address memo --chain xrp --address rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh --memo 104857',
    'wallet-help check confirmations --chain btc --txid 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b',
  ],
} as const;
