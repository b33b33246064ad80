/** `wallet-help check [NAME...]`: run the checks on their own, doctor style. */
import stringWidth from 'fast-string-width';
import { andList, listOf, sentences } from '../../i18n/i18n.js';
import { didYouMean } from '../../util/suggest.js';
import { layoutFor, writeWarning } from '../../render/layout.js';
import { chainName, chainNames } from '../../render/chain.js';
import { UNKNOWN_MEASURED, withMeasuredDetail } from '../../render/check-lines.js';
import { formatDuration } from '../../render/time.js';
import { SilentError, UsageError } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { CHECK_OPTION_SCAN, refuseSecrets } from '../../safety/screen.js';
import { clip, safeText, safeJson } from '../../util/safe-text.js';
import type { Provider } from '../../directory/types.js';
import type { Context } from '../context.js';
import { checkTimeout } from '../../checks/progress.js';
import '../../core.js';

export const CHECK_NAMES = ['connectivity', 'clock', 'address', 'txid', 'memo', 'confirmations'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckCommandOptions {
  names: string[];
  chain?: string;
  address?: string;
  txid?: string;
  memo?: string;
  timeout?: string;
  json: boolean;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckLine {
  name: CheckName;
  status: CheckStatus;
  /** The check's own result word (ok, offline, skewed, confirmed, …). */
  result: string;
  detail: string;
  fix?: string;
  timings?: { layer: string; ms: number; ok: boolean }[];
}

/** Runs the named checks (all by default); exit 1 only when one fails. */
export async function runCheckCommand(opts: CheckCommandOptions, ctx: Context): Promise<CheckLine[]> {
  const { io, t } = ctx;
  for (const n of opts.names) {
    if ((CHECK_NAMES as readonly string[]).includes(n)) continue;
    const { suggestions, hint } = didYouMean(t, n, CHECK_NAMES);
    throw new UsageError('unknown_check', sentences(t, t('checkcmd.unknown', { name: clip(n), names: listOf(t, CHECK_NAMES) }), hint), { value: clip(n), values: [...CHECK_NAMES], suggestions });
  }
  // A check named twice ("check address address") runs once (QA: checks review; it ran and was counted twice).
  const names = (opts.names.length > 0 ? [...new Set(opts.names)] : [...CHECK_NAMES]) as CheckName[];
  // An input none of the checks named uses would be silently ignored (`check connectivity --chain ltc`): refused, naming the checks it is for.
  const unused = unusedInput(names, opts);
  if (unused) {
    const option = `--${unused.option}`;
    throw new UsageError('unused_check_input', t(unused.checks.length === 1 ? 'checkcmd.unusedInputOne' : 'checkcmd.unusedInput', { option, checks: andList(t, unused.checks), names: andList(t, names) }), { option, checks: unused.checks });
  }
  // An empty value is a variable left unset in a script (`--address "$ADDR"`), not an address that failed its check (QA: checks review).
  for (const input of ['chain', 'address', 'txid', 'memo'] as const) {
    if (opts[input]?.trim() !== '') continue;
    const option = `--${input}`;
    throw new UsageError('missing_check_input', t('checkcmd.emptyInput', { option }), { option });
  }
  const crypto = await import('../../checks/crypto.js');
  // The chain as people write it: "BTC", "Bitcoin", "USDT TRC20".
  const chain = opts.chain === undefined ? undefined : crypto.chainFromText(opts.chain);
  if (opts.chain !== undefined && !chain) {
    // A token sent on several networks ("USDT"): the network it went over is what is missing, not a chain id (QA: Chinese user).
    const token = crypto.tokenWithoutNetwork(opts.chain);
    const message = token ? t(`chain.needsNetwork.${token}`) : t('checkcmd.badChain', { chain: clip(opts.chain), chains: listOf(t, crypto.CHAINS) });
    throw new UsageError('unknown_chain', message, { value: clip(opts.chain), values: [...crypto.CHAINS] });
  }
  // A check asked for by name must have its input: skipping it would look like a clean bill of health.
  for (const name of opts.names as CheckName[]) {
    const need = missingInput(name, opts);
    if (need) throw new UsageError('missing_check_input', t('checkcmd.missingInput', { name, need: t(need) }), { check: name });
  }
  // A TxID and an address are long hex by nature; a private key pasted here is still refused.
  // Only a transaction id may be 64 hex digits; an address or memo of that shape is a raw private key.
  await refuseSecrets(t, [
    ...(opts.address ? [{ text: opts.address, field: '--address' as const, ...CHECK_OPTION_SCAN.address }] : []),
    ...(opts.txid ? [{ text: opts.txid, field: '--txid' as const, ...CHECK_OPTION_SCAN.txid }] : []),
    ...(opts.memo ? [{ text: opts.memo, field: '--memo' as const, ...CHECK_OPTION_SCAN.memo }] : []),
  ]);
  const timeoutMs = checkTimeout(ctx, opts.timeout);
  // The address, TxID and memo checks are offline and need no directory: a broken contacts file does not stop them
  // (QA: script); it is said on standard error, and --json names no provider.
  const offline = (name: CheckName) => name === 'address' || name === 'txid' || name === 'memo';
  let provider: Pick<Provider, 'id' | 'checks'> | undefined;
  // Without names ("check --chain btc --address …", every check), the offline ones still run and the network ones are
  // skipped, saying why (QA: scripts review: a broken WALLET_HELP_CONTACTS refused the address check). Named, a network
  // check that cannot run is an error.
  let noDirectory = false;
  // The warning said on standard error, for the JSON document too (its skipped checks point to it).
  let directoryWarning: string | undefined;
  try {
    provider = (await ctx.provider()).provider;
  } catch (err) {
    // Only where an offline check has its input (a chain): with nothing to run, or a provider misnamed (the user's own
    // mistake, not a broken file), the error stands, and a health check does not report green (QA: review).
    const offlineRunnable = opts.chain !== undefined && names.some(offline);
    if ((opts.names.length > 0 && !names.every(offline)) || !offlineRunnable || !(err instanceof UsageError) || err.code === 'unknown_provider') throw err;
    noDirectory = true;
    const { err: style } = await ctx.styles();
    directoryWarning = t('checkcmd.noDirectory', { reason: err.message });
    await writeWarning(io.stderr, style.yellow(t('warning.prefix')), directoryWarning);
  }
  const targets = provider?.checks ?? {};
  const network = () => import('../../checks/network.js');
  const skip = (name: CheckName, why: MessageKey): CheckLine => ({ name, status: 'skip', result: 'skipped', detail: t(why) });

  // Each check on its own, all at once: the network checks wait for their hosts in parallel, so two unresponsive ones take
  // one time limit, not two (QA: UX review; 8 s with an unresponsive host). The lines keep the order of the names.
  const runOne = async (name: CheckName): Promise<CheckLine> => {
    if (noDirectory && (name === 'connectivity' || name === 'clock' || (name === 'confirmations' && chain && opts.txid !== undefined))) return skip(name, 'checkcmd.noDirectorySkip');
    if (name === 'connectivity') {
      if (!targets.apiHost) return skip(name, 'checkcmd.noApiHost');
      const { checkConnectivity } = await network();
      const r = await checkConnectivity({ apiHost: targets.apiHost, ...(targets.apiPort ? { apiPort: targets.apiPort } : {}), ...(targets.statusUrl ? { statusUrl: targets.statusUrl } : {}) }, { timeoutMs, env: io.env, ...(io.signal ? { signal: io.signal } : {}) });
      const timing = r.timings.map((x) => `${x.layer} ${Math.round(x.ms)} ms${x.ok ? '' : ' ✘'}`).join(' · ');
      return {
        name,
        status: r.result === 'ok' ? 'pass' : r.result === 'offline' ? 'fail' : 'warn',
        result: r.result,
        // The result in the user's words (the code stays in `result`); the layer that failed, as measured.
        // An unknown result says why: a refused connection is the provider's side, a name not found may be this network's.
        detail: `${t('summary.label', { label: targets.apiHost, value: withMeasuredDetail(t, r.unknownReason ? UNKNOWN_MEASURED[r.unknownReason] : `check.measured.${r.result}`, r.failedLayer ? `(${r.failedLayer})` : undefined) })} — ${timing}`,
        ...(r.result === 'ok' ? {} : { fix: t(r.result === 'offline' ? (r.certificateProblem ? 'checkcmd.fix.offlineTls' : 'checkcmd.fix.offline') : r.unknownReason ? UNKNOWN_FIX[r.unknownReason] : 'checkcmd.fix.unstable') }),
        timings: r.timings,
      };
    } else if (name === 'clock') {
      const url = targets.clockUrl ?? targets.statusUrl;
      if (!url) return skip(name, 'checkcmd.noClockUrl');
      const { checkClock } = await network();
      const r = await checkClock(url, { timeoutMs, env: io.env, ...(io.signal ? { signal: io.signal } : {}) });
      // Which way the clock is off, in words: a sign and "s" meant nothing to a reader ("相差 +120 s").
      const skew = Math.round(r.skewSeconds ?? 0);
      // Seconds up to two minutes; beyond, in minutes, hours and days ("100000000 s behind" said nothing; QA: checks review).
      const amount = Math.abs(skew) <= 120 ? t('checkcmd.seconds', { seconds: Math.abs(skew) }) : formatDuration(Math.round(Math.abs(skew) / 60) * 60_000, t);
      const clockSaid = skew > 0 ? t('checkcmd.clockAhead', { amount }) : skew < 0 ? t('checkcmd.clockBehind', { amount }) : t('checkcmd.clockSame');
      return {
        name,
        status: r.result === 'ok' ? 'pass' : r.result === 'skewed' ? 'fail' : 'warn',
        result: r.result,
        detail: r.result === 'unknown' ? t(r.unreachable ? 'checkcmd.clockUnreachable' : 'checkcmd.clockUnknown') : clockSaid,
        // A warning has a fix too, as the README says of every one (QA: checks review).
        ...(r.result === 'skewed' ? { fix: t('checkcmd.fix.clock') } : r.result === 'unknown' ? { fix: t('checkcmd.fix.clockUnknown') } : {}),
      };
    } else if (name === 'address' || name === 'txid' || name === 'memo') {
      const input = name === 'address' ? opts.address : name === 'txid' ? opts.txid : opts.memo;
      if (!chain || (input === undefined && name !== 'memo')) return skip(name, name === 'address' ? 'checkcmd.needAddress' : name === 'txid' ? 'checkcmd.needTxid' : 'checkcmd.needChain');
      if (name === 'address') {
        const a = crypto.checkAddress(chain, input!);
        const fix = a.problem === 'other-chain' ? t('checkcmd.fix.otherChain', { chains: chainNames(t, a.validOn.join(',')) }) : a.valid ? undefined : t('checkcmd.fix.address');
        // The problem in words for people; its code stays in `result` for scripts.
        const problem = a.problem === 'format' && crypto.isTestnetAddress(chain, input!) ? t('checkcmd.problem.testnet') : a.problem ? t(`checkcmd.problem.${a.problem}`) : '';
        return { name, status: a.valid ? 'pass' : 'fail', result: a.valid ? 'valid' : (a.problem ?? 'invalid'), detail: t(a.valid ? 'checkcmd.addressOk' : 'checkcmd.addressBad', { chain: chainName(t, chain), problem }), ...(fix ? { fix } : {}) };
      } else if (name === 'txid') {
        const x = crypto.checkTxid(chain, input!);
        // What is wrong, where it is only the "0x" in front (QA: checks review).
        const detail = x.hint ? t('checkcmd.txidBadHint', { chain: chainName(t, chain), hint: t(`checkcmd.txidHint.${x.hint}`) }) : t(x.valid ? 'checkcmd.txidOk' : 'checkcmd.txidBad', { chain: chainName(t, chain) });
        return { name, status: x.valid ? 'pass' : 'fail', result: x.valid ? 'valid' : (x.problem ?? 'invalid'), detail, ...(x.valid ? {} : { fix: t('checkcmd.fix.txid') }) };
      } else {
        const m = crypto.checkMemo(chain, opts.memo);
        const status: CheckStatus = !m.required && !m.given ? 'pass' : m.valid ? 'pass' : 'fail';
        // A memo refused says what one of the chain is (QA: checks review: "not valid for XRP" said nothing of what is).
        const form = () => t(chain === 'xrp' ? 'checkcmd.memoForm.xrp' : chain === 'xlm' ? 'checkcmd.memoForm.xlm' : 'checkcmd.memoForm.text');
        const detail = m.problem === 'format' ? t('checkcmd.memoBadForm', { chain: chainName(t, chain), form: form() }) : t(!m.required ? 'checkcmd.memoNotNeeded' : m.problem === 'missing' ? 'checkcmd.memoMissing' : m.valid ? 'checkcmd.memoOk' : 'checkcmd.memoBad', { chain: chainName(t, chain) });
        return { name, status, result: m.problem ?? (m.required ? 'valid' : 'not-needed'), detail, ...(status === 'fail' ? { fix: t(m.problem === 'missing' ? 'checkcmd.fix.memoMissing' : 'checkcmd.fix.memoBad') } : {}) };
      }
    } else {
      const base = chain ? targets.explorers?.[chain] : undefined;
      if (!chain || !opts.txid || !base) return skip(name, !chain || !opts.txid ? 'checkcmd.needTxid' : 'checkcmd.noExplorer');
      const required = targets.confirmations?.[chain] ?? 1;
      const { checkConfirmations } = await network();
      const r = await checkConfirmations(base, opts.txid.trim().replace(/^0x/i, ''), required, { timeoutMs, env: io.env, ...(io.signal ? { signal: io.signal } : {}) });
      const status: CheckStatus = r.result === 'confirmed' ? 'pass' : r.result === 'not-found' ? 'fail' : 'warn';
      return {
        name,
        status,
        result: r.result,
        detail: t(`checkcmd.confirm.${r.result}`, { n: r.confirmations, required }),
        ...(r.result === 'confirmed' ? {} : { fix: t(r.result === 'confirming' ? 'checkcmd.fix.confirming' : r.result === 'not-found' ? 'checkcmd.fix.notFound' : 'checkcmd.fix.explorer') }),
      };
    }
  };
  const lines = await Promise.all(names.map(runOne));

  const count = (s: CheckStatus) => lines.filter((l) => l.status === s).length;
  if (opts.json) io.stdout.write(`${safeJson({ provider: provider?.id ?? null, checks: lines, summary: { pass: count('pass'), warn: count('warn'), fail: count('fail'), skip: count('skip') }, ...(directoryWarning === undefined ? {} : { warnings: [directoryWarning] }) }, 2)}\n`);
  else {
    const { out } = await ctx.styles();
    // The status in the user's language (its id stays in --json), every line wrapped to the terminal under its text.
    const mark = { pass: out.green(`✔ ${t('checkcmd.status.pass')}`), warn: out.yellow(`⚠ ${t('checkcmd.status.warn')}`), fail: out.red(`✘ ${t('checkcmd.status.fail')}`), skip: out.dim(`- ${t('checkcmd.status.skip')}`) };
    // Named in the reader's language, with the name the command takes beside it in Chinese ("地址（address）"; QA: Chinese user).
    const named = new Map(lines.map((l) => [l.name, t(`checkcmd.name.${l.name}`)]));
    const width = Math.max(...[...named.values()].map((n) => stringWidth(n)));
    const layout = await layoutFor(io.stdout);
    for (const l of lines) {
      const name = named.get(l.name)!;
      const lead = `${mark[l.status]}  ${name}${' '.repeat(width - stringWidth(name))}  `;
      io.stdout.write(`${layout.hanging(lead, safeText(l.detail))}\n`);
      if (l.fix) io.stdout.write(`${layout.hanging(`${' '.repeat(stringWidth(lead))}${t('checkcmd.fixPrefix')}`, safeText(l.fix))}\n`);
    }
    io.stdout.write(`${t('checkcmd.summary', { pass: count('pass'), warn: count('warn'), fail: count('fail'), skip: count('skip') })}\n`);
  }
  if (count('fail') > 0) throw new SilentError();
  return lines;
}

/** The inputs of the check command, as their options are named. */
type CheckInput = 'chain' | 'address' | 'txid' | 'memo';

/**
 * What each check uses of the inputs, and what it says when one it cannot do without is missing (a memo is
 * optional: a chain that needs one is reported without it). Checks that use none are absent.
 */
/** What to do when the provider's service was not reached though the device is online, by why (see ConnectivityResult). */
const UNKNOWN_FIX = { 'name-not-found': 'checkcmd.fix.nameNotFound', refused: 'checkcmd.fix.refused', 'no-answer': 'checkcmd.fix.noAnswer' } as const satisfies Record<keyof typeof UNKNOWN_MEASURED, MessageKey>;

const CHECK_INPUTS: Partial<Record<CheckName, { uses: readonly CheckInput[]; optional?: CheckInput; need: MessageKey }>> = {
  address: { uses: ['chain', 'address'], need: 'checkcmd.needAddress' },
  txid: { uses: ['chain', 'txid'], need: 'checkcmd.needTxid' },
  memo: { uses: ['chain', 'memo'], optional: 'memo', need: 'checkcmd.needChain' },
  confirmations: { uses: ['chain', 'txid'], need: 'checkcmd.needTxid' },
};

/** What a check named on the command line still needs from it (a message key), or undefined when it has its input. */
function missingInput(name: CheckName, opts: CheckCommandOptions): MessageKey | undefined {
  const inputs = CHECK_INPUTS[name];
  return inputs?.uses.some((input) => input !== inputs.optional && opts[input] === undefined) ? inputs.need : undefined;
}

/** The first input given that none of the checks named uses, with the checks that would: it would be silently ignored. */
function unusedInput(names: readonly CheckName[], opts: CheckCommandOptions): { option: CheckInput; checks: CheckName[] } | undefined {
  const usedBy = (input: CheckInput) => CHECK_NAMES.filter((name) => CHECK_INPUTS[name]?.uses.includes(input));
  for (const option of ['chain', 'address', 'txid', 'memo'] as const) {
    if (opts[option] === undefined) continue;
    const checks = usedBy(option);
    if (!names.some((name) => checks.includes(name))) return { option, checks };
  }
  return undefined;
}
