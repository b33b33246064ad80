/**
 * Network checks that measure instead of asking "is your network OK?":
 *
 * - checkConnectivity: DNS lookup of the API host, TCP connect, TLS handshake (verified, with SNI), then the HTTP
 *   status of a status URL, each layer timed; 'ok', 'unstable' (slow, flaky or a struggling server), 'offline', or
 *   'unknown' when the far end answered but the service was not reached (see ConnectivityResult).
 * - checkClock: the device clock against the HTTP Date header of a server (wrong clocks break TLS and signing).
 * - checkConfirmations: confirmations of a transaction on an Esplora-compatible explorer API.
 *
 * Every socket and request is bounded by a timer, cancellable with an AbortSignal, and destroyed when a check ends.
 * Ordinary network failures become results; only cancellation (AbortError) and invalid arguments reject.
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured (http:// proxies, CONNECT tunnels for TLS).
 */
import { Buffer } from 'node:buffer';
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import '../core.js';

declare global {
  /**
   * CheckOptions names AbortSignal, and the library's declarations reach it: a user compiling with neither Node's types
   * nor the DOM's (`"lib": ["ES2022"]`) has none, and the declarations failed to compile (QA: library review). Empty, it
   * merges into theirs where they have one.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AbortSignal {}
}

export interface CheckTiming { layer: 'dns' | 'tcp' | 'tls' | 'http'; ms: number; ok: boolean; detail?: string }
export interface ConnectivityTarget { apiHost: string; apiPort?: number /* default 443 */; statusUrl?: string /* https://… or http://… */ }
export interface CheckOptions {
  /** Per layer (per request for checkClock and checkConfirmations), default 4000; nothing waits beyond it. */
  timeoutMs?: number;
  /** A layer slower than this makes the connectivity result 'unstable', default 1500. */
  slowMs?: number;
  /** For HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower-case names win, like curl); default process.env. */
  env?: Record<string, string | undefined>;
  /** Name resolution, default dns.promises.lookup. Not called for IP literals. */
  lookup?: (host: string) => Promise<{ address: string; family: 4 | 6 }>;
  /** An extra CA trusted for TLS in addition to the system CAs, as PEM text. */
  ca?: string;
  /** Cancels everything: the check rejects with an error named 'AbortError'. */
  signal?: AbortSignal;
  /** Clock for timings and skew (ms since epoch), default Date.now. */
  now?: () => number;
  /** Whether the device has a network interface up besides loopback, default from os.networkInterfaces(). */
  online?: () => boolean;
}
/**
 * `unknown`: the connection works as far as an answer from the far end goes, but the service was not reached, for one
 * of three reasons (`unknownReason`):
 * - `name-not-found`: the DNS server answered that the API host's name does not exist, while the device is on a
 *   network; a DNS filter, a captive portal or the service itself may be why. (Offline, a resolver cannot reach its
 *   server: EAI_AGAIN; macOS answers ENOTFOUND then, with no interface up.)
 * - `refused`: the provider's host refused the connection (ECONNREFUSED, at the API host or the status URL): a refusal
 *   is an answer from that host or its firewall, so the device's network works and the service is likely down or
 *   under maintenance. One a proxy refused is no such answer (the proxy is this side's): that stays `offline`.
 * - `no-answer`: the API host was reached (TCP and TLS done), but the status request got no answer (it timed out, the
 *   connection was dropped, or the status page's own host could not be reached): the device's network works, and the service is likely overloaded or down (QA: checks review;
 *   this was `offline`, with advice to check the user's connection).
 */
export interface ConnectivityResult {
  result: 'ok' | 'unstable' | 'offline' | 'unknown';
  failedLayer?: 'dns' | 'tcp' | 'tls' | 'http';
  /** Why the result is `unknown` (and only then). */
  unknownReason?: 'name-not-found' | 'refused' | 'no-answer';
  /**
   * An `offline` at tls because of the certificate (not trusted, for another host, expired or not yet valid): something
   * answered, but its security could not be verified, as a Wi-Fi sign-in page, an inspecting proxy or a wrong clock does.
   */
  certificateProblem?: true;
  timings: CheckTiming[];
  httpStatus?: number;
  viaProxy?: string;
}
/** `unreachable`: an unknown result because the server could not be reached at all (not because it sent no usable time). */
export interface ClockResult { result: 'ok' | 'skewed' | 'unknown'; skewSeconds?: number; serverDate?: string; detail?: string; unreachable?: boolean }
export interface ConfirmationsResult { result: 'confirmed' | 'confirming' | 'not-found' | 'unknown'; confirmations: number; required: number; blockHeight?: number; detail?: string }

/** An http:// proxy to use for one destination. `label` is host:port, never the credentials. */
export interface ProxyConfig { host: string; port: number; label: string; authorization?: string }

const DEFAULT_TIMEOUT_MS = 4000;
const DEFAULT_SLOW_MS = 1500;
const DEFAULT_MAX_SKEW_SECONDS = 30;
/** Largest body read from an explorer answer, and largest CONNECT answer header from a proxy. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_PROXY_HEADER_BYTES = 16 * 1024;
const USER_AGENT = 'wallet-help-network-check';

type Layer = CheckTiming['layer'];
type Lookup = NonNullable<CheckOptions['lookup']>;
const noop = (): void => undefined;

// ---------------------------------------------------------------------------------------------------------------
// Errors

/**
 * An ordinary failure of one step; `retryable` marks failures worth one more TCP attempt, `atProxy` those of the
 * connection to a proxy (not to the host behind it).
 */
class StepError extends Error {
  readonly code: string | undefined;
  readonly retryable: boolean;
  readonly atProxy: boolean;
  constructor(message: string, code?: string, retryable = false, atProxy = false) {
    super(message);
    this.name = 'StepError';
    this.code = code;
    this.retryable = retryable;
    this.atProxy = atProxy;
  }
}

/** A connection the host itself refused: an answer from the far end, so the device is online (see ConnectivityResult). */
function refusedByHost(err: unknown): boolean {
  return errorCode(err) === 'ECONNREFUSED' && !(err instanceof StepError && err.atProxy);
}

class TimeoutError extends StepError {
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`, 'ETIMEDOUT', false);
    this.name = 'TimeoutError';
  }
}

function abortError(signal: AbortSignal | undefined): Error {
  const err = new Error('The network check was cancelled', { cause: signal?.reason });
  err.name = 'AbortError';
  return err;
}

const NET_HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network is down',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EADDRNOTAVAIL: 'address not available',
  ENOTFOUND: 'name not found',
  EAI_AGAIN: 'the DNS server did not answer',
  ENODATA: 'no address records for the name',
};

const TLS_HINTS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate not trusted (self-signed)',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate not trusted (self-signed certificate in the chain)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate not trusted (unknown issuer; a network device may be intercepting TLS)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate not trusted (unknown issuer; a network device may be intercepting TLS)',
  UNABLE_TO_GET_ISSUER_CERT: 'certificate not trusted (unknown issuer)',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_HAS_EXPIRED: "certificate expired, or this device's clock is ahead",
  CERT_NOT_YET_VALID: "certificate not yet valid, or this device's clock is behind",
  CERT_REVOKED: 'certificate revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate is for another host (a captive portal or interception proxy?)',
  // Plain HTTP where TLS was expected: a Wi-Fi sign-in page or a proxy answered, not the provider (QA: UX review; the
  // raw OpenSSL text was shown, with the advice to check the internet connection, which worked).
  ERR_SSL_WRONG_VERSION_NUMBER: 'the far end does not speak TLS (a Wi-Fi sign-in page or a proxy?)',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'the far end does not speak TLS (a Wi-Fi sign-in page or a proxy?)',
  ERR_SSL_UNKNOWN_PROTOCOL: 'the far end does not speak TLS (a Wi-Fi sign-in page or a proxy?)',
};

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One line for a failure, never with a stack. */
function describe(err: unknown): string {
  if (err instanceof StepError) return err.message;
  const code = errorCode(err);
  const hint = code ? (TLS_HINTS[code] ?? NET_HINTS[code]) : undefined;
  if (hint && code) return `${hint} (${code})`;
  if (code?.startsWith('HPE_')) return `invalid HTTP answer (${code})`;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** A socket-level failure: retryable unless it is a timeout or a cancellation. A `prefix` names the proxy it was at. */
function socketError(err: unknown, prefix = ''): StepError {
  if (err instanceof StepError) return err;
  return new StepError(`${prefix}${describe(err)}`, errorCode(err), true, prefix !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// Context: options with defaults, and every socket opened so it can be destroyed at the end

interface Ctx {
  timeoutMs: number;
  slowMs: number;
  env: Record<string, string | undefined>;
  lookup: Lookup;
  secureContext: tls.SecureContext | undefined;
  signal: AbortSignal | undefined;
  now: () => number;
  online: () => boolean;
  sockets: Set<net.Socket>;
}

const defaultLookup: Lookup = async (host) => {
  const found = await dns.promises.lookup(host);
  return { address: found.address, family: found.family === 6 ? 6 : 4 };
};

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number of milliseconds`);
  return value;
}

function makeCtx(opts: CheckOptions): Ctx {
  return {
    timeoutMs: positive(opts.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS),
    slowMs: positive(opts.slowMs, 'slowMs', DEFAULT_SLOW_MS),
    env: opts.env ?? process.env,
    lookup: opts.lookup ?? defaultLookup,
    // An extra CA is added to the system ones (a bare `ca` would replace them).
    secureContext: opts.ca === undefined ? undefined : tls.createSecureContext({ ca: [...tls.rootCertificates, opts.ca] }),
    signal: opts.signal,
    now: opts.now ?? Date.now,
    online: opts.online ?? hasNetworkInterface,
    sockets: new Set(),
  };
}

/**
 * A network interface with a routable address, besides loopback (Wi-Fi, Ethernet, mobile data, a VPN): not a link-local
 * one (fe80::, 169.254.x.x), which every interface has as soon as it is up, connected to anything or not.
 */
function hasNetworkInterface(): boolean {
  try {
    return Object.values(os.networkInterfaces()).some((addresses) => addresses?.some((a) => !a.internal && !/^(?:fe80:|169\.254\.)/i.test(a.address)));
  } catch {
    return true; // cannot tell: not taken for offline
  }
}

function track<S extends net.Socket>(ctx: Ctx, socket: S): S {
  ctx.sockets.add(socket);
  socket.on('error', noop); // errors are observed where they matter; a late one must not crash the process
  socket.once('close', () => ctx.sockets.delete(socket));
  return socket;
}

function destroyAll(ctx: Ctx): void {
  for (const socket of ctx.sockets) socket.destroy();
  ctx.sockets.clear();
}

function throwIfAborted(ctx: Ctx): void {
  if (ctx.signal?.aborted) throw abortError(ctx.signal);
}

/**
 * Runs `fn` with a signal that aborts after `ms` or when the caller's signal aborts, and settles as soon as either
 * happens even if `fn` ignores its signal (a lookup cannot be cancelled). Rejects with TimeoutError or AbortError.
 */
async function timed<T>(ctx: Ctx, ms: number, what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  throwIfAborted(ctx);
  const inner = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const err = new TimeoutError(what, ms);
      inner.abort(err);
      reject(err);
    }, ms);
    onAbort = () => {
      const err = abortError(ctx.signal);
      inner.abort(err);
      reject(err);
    };
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const work = fn(inner.signal);
  work.catch(noop); // when the guard wins, the work's later rejection is expected
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) ctx.signal?.removeEventListener('abort', onAbort);
  }
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (err: unknown) => { signal.removeEventListener('abort', onAbort); reject(err as Error); },
    );
  });
}

/** Resolves on `event`; rejects on error, on close before it, or on abort (destroying the socket). */
function waitFor(socket: net.Socket, event: string, signal: AbortSignal, fail: (err: unknown) => Error): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (err?: Error) => {
      socket.off(event, onEvent);
      socket.off('error', onError);
      socket.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (err) {
        socket.destroy();
        reject(err);
      } else resolve();
    };
    const onEvent = () => settle();
    const onError = (err: Error) => settle(fail(err));
    const onClose = () => settle(fail(new StepError('connection closed', 'ECONNRESET', true)));
    const onAbort = () => settle(signal.reason as Error);
    socket.once(event, onEvent);
    socket.once('error', onError);
    socket.once('close', onClose);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Proxy selection (curl-like)

/** `name` from env, lower-case spelling first (as curl does), empty values count as unset. */
function envVar(env: Record<string, string | undefined>, name: string): string | undefined {
  const lower = env[name.toLowerCase()]?.trim();
  if (lower) return lower;
  const upper = env[name.toUpperCase()]?.trim();
  return upper || undefined;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function authority(host: string, port: number): string {
  return `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
}

function ipEntryMatches(address: string, family: number, entry: string): boolean {
  const [base = '', bits, extra] = entry.split('/');
  if (extra !== undefined || net.isIP(base) !== family) return false;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  const list = new net.BlockList();
  try {
    if (bits === undefined) list.addAddress(base, type);
    else {
      if (!/^\d{1,3}$/.test(bits)) return false;
      list.addSubnet(base, Number(bits), type);
    }
    return list.check(address, type);
  } catch {
    return false; // an out-of-range prefix length matches nothing
  }
}

/**
 * Whether NO_PROXY exempts host:port. Entries are separated by commas or blanks and compared case-insensitively:
 * `*` matches everything; `example.com` and `.example.com` match example.com and its subdomains (not
 * notexample.com); `host:port` / `[v6]:port` only match that port; IP hosts match IP entries exactly or by CIDR
 * (`10.0.0.0/8`) and never by name. As in curl, localhost and 127.0.0.1 are not exempt unless listed, and
 * `localhost` does not cover `127.0.0.1` (no name resolution takes place).
 */
export function noProxyMatches(host: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const name = stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
  const family = net.isIP(name);
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: number | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const hostPort = /^([^:]+):(\d+)$/.exec(entry);
    if (bracketed) {
      entry = bracketed[1] ?? '';
      entryPort = bracketed[2] === undefined ? undefined : Number(bracketed[2]);
    } else if (hostPort) {
      entry = hostPort[1] ?? '';
      entryPort = Number(hostPort[2]);
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    if (family) {
      if (ipEntryMatches(name, family, entry)) return true;
      continue;
    }
    entry = entry.replace(/^\*?\./, '').replace(/\.$/, '');
    if (entry && (name === entry || name.endsWith(`.${entry}`))) return true;
  }
  return false;
}

function parseProxy(raw: string, variable: string): ProxyConfig {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new StepError(`${variable} is not a valid proxy URL`, 'EPROXYCONFIG'); // the value may hold a password: not echoed
  }
  if (url.protocol !== 'http:') throw new StepError(`${variable} names a ${url.protocol.slice(0, -1)}:// proxy; only http:// proxies are supported`, 'EPROXYCONFIG');
  const host = stripBrackets(url.hostname);
  if (!host) throw new StepError(`${variable} names no proxy host`, 'EPROXYCONFIG');
  const port = url.port ? Number(url.port) : 80;
  const config: ProxyConfig = { host, port, label: authority(host, port) };
  if (url.username || url.password) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    config.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
  }
  return config;
}

/**
 * The proxy for a destination: HTTPS_PROXY for https (and TLS to the API host), HTTP_PROXY for http, unless NO_PROXY
 * exempts the host. Throws a StepError when the variable is set but unusable.
 */
export function proxyFor(protocol: 'http:' | 'https:', host: string, port: number, env: Record<string, string | undefined>): ProxyConfig | undefined {
  const variable = protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const raw = envVar(env, variable);
  if (!raw || noProxyMatches(host, port, envVar(env, 'no_proxy'))) return undefined;
  return parseProxy(raw, variable.toUpperCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Socket steps

async function resolveAddress(ctx: Ctx, host: string, signal: AbortSignal): Promise<{ address: string; family: 4 | 6 }> {
  const family = net.isIP(host);
  if (family) return { address: host, family: family === 6 ? 6 : 4 };
  const found = await untilAborted(ctx.lookup(host), signal);
  if (!found || !net.isIP(found.address)) throw new StepError(`no usable address for ${host}`, 'ENOTFOUND');
  return found;
}

async function connectTcp(ctx: Ctx, address: string, port: number, signal: AbortSignal, prefix = ''): Promise<net.Socket> {
  const socket = track(ctx, net.connect({ host: address, port }));
  await waitFor(socket, 'connect', signal, (err) => socketError(err, prefix));
  return socket;
}

async function connectHost(ctx: Ctx, host: string, port: number, signal: AbortSignal, prefix = ''): Promise<net.Socket> {
  let address: string;
  try {
    address = (await resolveAddress(ctx, host, signal)).address;
  } catch (err) {
    if (signal.aborted) throw err;
    throw new StepError(`${prefix}could not resolve ${host}: ${describe(err)}`, errorCode(err), true, prefix !== '');
  }
  return connectTcp(ctx, address, port, signal, prefix);
}

/** Asks an http proxy for a tunnel with CONNECT and waits for its 2xx answer. */
function proxyConnect(socket: net.Socket, host: string, port: number, proxy: ProxyConfig, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let received = Buffer.alloc(0);
    const settle = (err?: Error) => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (err) {
        socket.destroy();
        reject(err);
        return;
      }
      socket.pause();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) {
        if (received.length > MAX_PROXY_HEADER_BYTES) settle(new StepError(`proxy ${proxy.label} sent an oversized answer`, 'EPROXY'));
        return;
      }
      const statusLine = received.subarray(0, received.indexOf('\r\n')).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
      if (!match) return settle(new StepError(`proxy ${proxy.label} sent an invalid answer to CONNECT`, 'EPROXY'));
      const status = Number(match[1]);
      if (status < 200 || status > 299) {
        const why = status === 407 ? ' (proxy authentication required)' : '';
        // 5xx: the proxy could not reach the host — worth the one retry, like a refused connect.
        return settle(new StepError(`proxy ${proxy.label} refused the tunnel: HTTP ${status}${why}`, 'EPROXY', status >= 500));
      }
      if (received.length > end + 4) return settle(new StepError(`proxy ${proxy.label} sent data before the TLS handshake`, 'EPROXY'));
      settle();
    };
    const onError = (err: Error) => settle(socketError(err, `proxy ${proxy.label}: `));
    const onClose = () => settle(new StepError(`proxy ${proxy.label} closed the connection before answering CONNECT`, 'ECONNRESET', true));
    const onAbort = () => settle(signal.reason as Error);
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const target = authority(host, port);
    const auth = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nUser-Agent: ${USER_AGENT}\r\n${auth}\r\n`);
  });
}

async function openTunnel(ctx: Ctx, proxy: ProxyConfig, host: string, port: number, signal: AbortSignal): Promise<net.Socket> {
  const socket = await connectHost(ctx, proxy.host, proxy.port, signal, `proxy ${proxy.label}: `);
  await proxyConnect(socket, host, port, proxy, signal);
  return socket;
}

/** TLS over an open socket, verifying the certificate for `host` (SNI unless host is an IP literal). */
async function tlsHandshake(ctx: Ctx, socket: net.Socket, host: string, signal: AbortSignal): Promise<tls.TLSSocket> {
  const options: tls.ConnectionOptions = { socket, host };
  if (!net.isIP(host)) options.servername = host;
  if (ctx.secureContext) options.secureContext = ctx.secureContext;
  const secure = track(ctx, tls.connect(options));
  await waitFor(secure, 'secureConnect', signal, (err) => new StepError(describe(err), errorCode(err)));
  return secure;
}

function tlsSummary(socket: tls.TLSSocket): string {
  const validTo = Date.parse(socket.getPeerCertificate().valid_to ?? '');
  const until = Number.isNaN(validTo) ? '' : `, certificate valid until ${new Date(validTo).toISOString().slice(0, 10)}`;
  return `${socket.getProtocol() ?? 'TLS'}${until}`;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP over a socket we opened (so every step stays timed and cancellable)

interface FetchResult { status: number; headers: http.IncomingHttpHeaders; body: string; sentAt: number; receivedAt: number; viaProxy?: string }

interface RequestSpec { method: 'GET' | 'HEAD'; path: string; host: string; proxyAuthorization?: string; maxBody: number }

function sendRequest(ctx: Ctx, socket: net.Socket, spec: RequestSpec, signal: AbortSignal): Promise<Omit<FetchResult, 'viaProxy'>> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { Host: spec.host, 'User-Agent': USER_AGENT, Accept: '*/*', Connection: 'close' };
    if (spec.proxyAuthorization) headers['Proxy-Authorization'] = spec.proxyAuthorization;
    let settled = false;
    const settle = (err: Error | undefined, value?: Omit<FetchResult, 'viaProxy'>) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (err || !value) {
        req.destroy();
        reject(err ?? new StepError('no answer'));
      } else resolve(value);
    };
    const sentAt = ctx.now();
    const req = http.request({ method: spec.method, path: spec.path, headers, setHost: false, createConnection: () => socket });
    req.on('error', noop); // after settling, late errors (our own destroy) are expected
    req.once('error', (err) => settle(socketError(err)));
    req.once('close', () => settle(new StepError('connection closed before an answer', 'ECONNRESET')));
    req.once('response', (res) => {
      const receivedAt = ctx.now();
      res.on('error', noop);
      const base = { status: res.statusCode ?? 0, headers: res.headers, sentAt, receivedAt };
      if (spec.maxBody === 0 || spec.method === 'HEAD') {
        settle(undefined, { ...base, body: '' });
        res.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > spec.maxBody) settle(new StepError(`answer larger than ${spec.maxBody} bytes`, 'ETOOBIG'));
        else chunks.push(chunk);
      });
      res.once('end', () => settle(undefined, { ...base, body: Buffer.concat(chunks).toString('utf8') }));
      res.once('close', () => settle(new StepError('connection closed in the middle of the answer', 'ECONNRESET')));
    });
    const onAbort = () => settle(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}

/** GET/HEAD `url` directly or through the configured proxy, on sockets of this check. */
async function fetchUrl(ctx: Ctx, url: URL, method: 'GET' | 'HEAD', maxBody: number, signal: AbortSignal): Promise<FetchResult> {
  const isHttps = url.protocol === 'https:';
  const host = stripBrackets(url.hostname);
  const port = url.port ? Number(url.port) : isHttps ? 443 : 80;
  const proxy = proxyFor(isHttps ? 'https:' : 'http:', host, port, ctx.env);
  const path = `${url.pathname}${url.search}`;
  const spec: RequestSpec = { method, path, host: url.host, maxBody };
  let socket: net.Socket;
  if (proxy && isHttps) {
    socket = await tlsHandshake(ctx, await openTunnel(ctx, proxy, host, port, signal), host, signal);
  } else if (proxy) {
    socket = await connectHost(ctx, proxy.host, proxy.port, signal, `proxy ${proxy.label}: `);
    spec.path = `${url.protocol}//${url.host}${path}`; // absolute form, without any credentials of the URL
    if (proxy.authorization) spec.proxyAuthorization = proxy.authorization;
  } else {
    socket = await connectHost(ctx, host, port, signal);
    if (isHttps) socket = await tlsHandshake(ctx, socket, host, signal);
  }
  const answer = await sendRequest(ctx, socket, spec, signal);
  return proxy ? { ...answer, viaProxy: proxy.label } : answer;
}

function parseHttpUrl(raw: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`${name} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${name} must be an http:// or https:// URL`);
  return url;
}

// ---------------------------------------------------------------------------------------------------------------
// checkConnectivity

/** DNS resolution of the API host, TCP connect, TLS handshake, then the HTTP status of the status URL, each timed. */
export async function checkConnectivity(target: ConnectivityTarget, opts: CheckOptions = {}): Promise<ConnectivityResult> {
  const ctx = makeCtx(opts);
  const host = stripBrackets(target.apiHost.trim());
  if (!host) throw new TypeError('apiHost is empty');
  const port = target.apiPort ?? 443;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError('apiPort must be an integer from 1 to 65535');
  const statusUrl = target.statusUrl === undefined ? undefined : parseHttpUrl(target.statusUrl, 'statusUrl');
  throwIfAborted(ctx);

  const timings: CheckTiming[] = [];
  let viaProxy: string | undefined;
  let unstable = false;
  const finish = (result: ConnectivityResult['result'], extra: Partial<ConnectivityResult> = {}): ConnectivityResult => ({
    result,
    ...extra,
    timings,
    ...(viaProxy ? { viaProxy } : {}),
  });
  /** Whether the last layer that failed failed because the host refused the connection, or at a proxy (this side's). */
  let refused = false;
  let atProxy = false;
  /** Times one layer; records it and returns undefined when it fails (AbortError propagates). */
  const layer = async <T>(name: Layer, what: string, fn: (signal: AbortSignal) => Promise<T>, detail: (value: T) => string | undefined): Promise<T | undefined> => {
    const start = ctx.now();
    try {
      const value = await timed(ctx, ctx.timeoutMs, what, fn);
      const text = detail(value);
      timings.push({ layer: name, ms: elapsed(ctx, start), ok: true, ...(text ? { detail: text } : {}) });
      return value;
    } catch (err) {
      throwIfAborted(ctx);
      refused = refusedByHost(err);
      atProxy = err instanceof StepError && err.atProxy;
      timings.push({ layer: name, ms: elapsed(ctx, start), ok: false, detail: describe(err) });
      return undefined;
    }
  };

  try {
    let proxy: ProxyConfig | undefined;
    let proxyProblem: string | undefined;
    try {
      proxy = proxyFor('https:', host, port, ctx.env);
    } catch (err) {
      proxyProblem = describe(err);
    }

    // DNS — done by the proxy when there is one.
    let open: (signal: AbortSignal) => Promise<net.Socket>;
    if (proxy || proxyProblem) {
      timings.push({ layer: 'dns', ms: 0, ok: true, detail: 'via proxy' });
      if (!proxy) {
        timings.push({ layer: 'tcp', ms: 0, ok: false, detail: proxyProblem });
        return finish('offline', { failedLayer: 'tcp' });
      }
      viaProxy = proxy.label;
      const through = proxy;
      open = (signal) => openTunnel(ctx, through, host, port, signal);
    } else {
      let lookupError: string | undefined;
      const found = await layer('dns', `DNS lookup of ${host}`, (signal) => resolveAddress(ctx, host, signal).catch((err: unknown) => {
        lookupError = errorCode(err);
        throw err;
      }), (found) =>
        net.isIP(host) ? 'IP address, no lookup needed' : `${host} → ${found.address}`,
      );
      // "No such name" is an answer from a DNS server: with an interface up, the device is not simply offline.
      if (!found) {
        return (lookupError === 'ENOTFOUND' || lookupError === 'ENODATA') && ctx.online()
          ? finish('unknown', { failedLayer: 'dns', unknownReason: 'name-not-found' })
          : finish('offline', { failedLayer: 'dns' });
      }
      open = (signal) => connectTcp(ctx, found.address, port, signal);
    }

    // TCP, with one retry of a failed connect inside the same time budget.
    const connected = await layer('tcp', `TCP connect to ${authority(host, port)}`, async (signal) => {
      try {
        return { socket: await open(signal), retried: undefined as string | undefined };
      } catch (first) {
        if (signal.aborted || !(first instanceof StepError) || !first.retryable) throw first;
        try {
          return { socket: await open(signal), retried: describe(first) };
        } catch (second) {
          if (signal.aborted) throw second;
          throw new StepError(`${describe(second)} (also on a retry)`, errorCode(second), false, second instanceof StepError && second.atProxy);
        }
      }
    }, (value) => {
      const parts = [viaProxy ? `tunnel through proxy ${viaProxy}` : undefined, value.retried ? `connected on the second attempt, the first failed: ${value.retried}` : undefined];
      return parts.filter(Boolean).join('; ') || undefined;
    });
    // Offline, unless the provider's host refused the connection (it answered: see ConnectivityResult).
    if (!connected) return refused ? finish('unknown', { failedLayer: 'tcp', unknownReason: 'refused' }) : finish('offline', { failedLayer: 'tcp' });
    if (connected.retried) unstable = true;

    // TLS
    let tlsError: string | undefined;
    const secure = await layer('tls', `TLS handshake with ${authority(host, port)}`, (signal) => tlsHandshake(ctx, connected.socket, host, signal).catch((err: unknown) => {
      tlsError = errorCode(err);
      throw err;
    }), tlsSummary);
    if (!secure) return finish('offline', { failedLayer: 'tls', ...(tlsError !== undefined && Object.hasOwn(TLS_HINTS, tlsError) ? { certificateProblem: true as const } : {}) });
    secure.destroy();

    // HTTP status of the status URL
    let httpStatus: number | undefined;
    if (statusUrl) {
      const answer = await layer('http', `status request to ${statusUrl.host}`, (signal) => fetchUrl(ctx, statusUrl, 'GET', 0, signal), (answer) =>
        `HTTP ${answer.status}${answer.viaProxy ? ` via proxy ${answer.viaProxy}` : ''}`,
      );
      // The API host was reached over TCP and TLS: the device is online, and a status request that got no answer is the
      // provider's side, unless a proxy of this side's failed it.
      if (!answer) return atProxy ? finish('offline', { failedLayer: 'http' }) : finish('unknown', { failedLayer: 'http', unknownReason: refused ? 'refused' : 'no-answer' });
      httpStatus = answer.status;
      if (answer.viaProxy) viaProxy ??= answer.viaProxy;
      if (answer.status >= 500 || answer.status === 429) {
        unstable = true;
        const last = timings[timings.length - 1];
        if (last) last.ok = false; // reached, but the service is struggling
      }
    }

    if (timings.some((t) => t.ms > ctx.slowMs)) unstable = true;
    return finish(unstable ? 'unstable' : 'ok', httpStatus === undefined ? {} : { httpStatus });
  } finally {
    destroyAll(ctx);
  }
}

function elapsed(ctx: Ctx, start: number): number {
  return Math.max(0, Math.round(ctx.now() - start));
}

// ---------------------------------------------------------------------------------------------------------------
// checkClock

/**
 * Compares the local clock with the HTTP Date header of `url` (HEAD, falling back to GET when HEAD is refused,
 * fails or brings no Date), correcting for half the round trip. skewSeconds = local − server: positive when this
 * device's clock is ahead. Skewed when |skew| > maxSkewSeconds (default 30). One time budget of timeoutMs covers both
 * requests.
 */
export async function checkClock(url: string, opts: CheckOptions & { maxSkewSeconds?: number } = {}): Promise<ClockResult> {
  const ctx = makeCtx(opts);
  const target = parseHttpUrl(url, 'url');
  const maxSkew = opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  if (!Number.isFinite(maxSkew) || maxSkew < 0) throw new RangeError('maxSkewSeconds must be a number ≥ 0');
  throwIfAborted(ctx);
  const deadline = performance.now() + ctx.timeoutMs;
  const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
  const attempt = async (method: 'GET' | 'HEAD'): Promise<FetchResult | StepError> => {
    try {
      return await timed(ctx, remaining(), `${method} ${target.host}`, (signal) => fetchUrl(ctx, target, method, 0, signal));
    } catch (err) {
      throwIfAborted(ctx);
      return err instanceof StepError ? err : socketError(err);
    }
  };
  try {
    let answer = await attempt('HEAD');
    const usable = (a: FetchResult | StepError): boolean => !(a instanceof StepError) && a.status !== 405 && a.status !== 501 && Boolean(a.headers.date);
    if (!usable(answer) && !(answer instanceof TimeoutError)) {
      const viaGet = await attempt('GET');
      if (!(viaGet instanceof StepError) || answer instanceof StepError) answer = viaGet;
    }
    if (answer instanceof StepError) return { result: 'unknown', unreachable: true, detail: `could not reach ${target.host}: ${answer.message}` };
    const date = answer.headers.date;
    if (!date) return { result: 'unknown', detail: `${target.host} sent no Date header (HTTP ${answer.status})` };
    const serverMs = Date.parse(date);
    if (Number.isNaN(serverMs)) return { result: 'unknown', detail: `${target.host} sent an unreadable Date header` };
    const roundTrip = Math.max(0, answer.receivedAt - answer.sentAt);
    // The server stamped its answer about half-way through the round trip; Date has whole seconds, so the server's
    // clock was somewhere in [Date, Date + 1 s): take the middle.
    const skewMs = answer.sentAt + roundTrip / 2 - (serverMs + 500);
    const skewSeconds = Math.round(skewMs / 100) / 10 + 0; // + 0 turns -0 into 0
    const margin = Math.round((500 + roundTrip / 2) / 100) / 10;
    return {
      result: Math.abs(skewSeconds) > maxSkew ? 'skewed' : 'ok',
      skewSeconds,
      serverDate: new Date(serverMs).toISOString(),
      detail: `${skewSeconds >= 0 ? 'ahead of' : 'behind'} ${target.host} by ${Math.abs(skewSeconds)} s (±${margin} s, round trip ${Math.round(roundTrip)} ms)`,
    };
  } finally {
    destroyAll(ctx);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// checkConfirmations

/**
 * Confirmations of a TxID from an Esplora-compatible API (GET {base}/tx/{txid}/status → {confirmed, block_height};
 * GET {base}/blocks/tip/height → text number), both requested at once within timeoutMs: confirmations =
 * tip − block_height + 1 when confirmed; 404 → not-found. A TxID that is not 64 hex digits is 'not-found' without
 * asking. `required` must be an integer ≥ 1.
 */
export async function checkConfirmations(baseUrl: string, txid: string, required: number, opts: CheckOptions = {}): Promise<ConfirmationsResult> {
  const ctx = makeCtx(opts);
  const base = parseHttpUrl(baseUrl, 'baseUrl');
  if (!Number.isSafeInteger(required) || required < 1) throw new RangeError('required must be an integer ≥ 1');
  throwIfAborted(ctx);
  const id = txid.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(id)) return { result: 'not-found', confirmations: 0, required, detail: 'not a transaction ID (expected 64 hexadecimal characters)' };
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  const get = (path: string, what: string) =>
    timed(ctx, ctx.timeoutMs, what, (signal) => fetchUrl(ctx, new URL(`${prefix}/${path}`), 'GET', MAX_BODY_BYTES, signal));
  const unknown = (detail: string): ConfirmationsResult => ({ result: 'unknown', confirmations: 0, required, detail });
  try {
    const [statusAnswer, tipAnswer] = await Promise.allSettled([
      get(`tx/${id}/status`, `transaction status from ${base.host}`),
      get('blocks/tip/height', `tip height from ${base.host}`),
    ]);
    throwIfAborted(ctx);
    if (statusAnswer.status === 'rejected') return unknown(`could not reach the explorer: ${describe(statusAnswer.reason)}`);
    const answer = statusAnswer.value;
    if (answer.status === 404) return { result: 'not-found', confirmations: 0, required, detail: `${base.host} does not know this transaction` };
    if (answer.status !== 200) return unknown(`the explorer answered HTTP ${answer.status}`);
    let status: unknown;
    try {
      status = JSON.parse(answer.body);
    } catch {
      return unknown('the explorer sent an unreadable transaction status');
    }
    const { confirmed, block_height: height } = (status ?? {}) as { confirmed?: unknown; block_height?: unknown };
    if (confirmed === false) return { result: 'confirming', confirmations: 0, required, detail: 'in the mempool, not yet in a block' };
    if (confirmed !== true || typeof height !== 'number' || !Number.isSafeInteger(height) || height < 0) {
      return unknown('the explorer sent an unexpected transaction status');
    }
    let tip: number | undefined;
    let tipProblem = '';
    if (tipAnswer.status === 'rejected') tipProblem = describe(tipAnswer.reason);
    else if (tipAnswer.value.status !== 200) tipProblem = `HTTP ${tipAnswer.value.status}`;
    else if (!/^\s*\d+\s*$/.test(tipAnswer.value.body)) tipProblem = 'unreadable tip height';
    else tip = Number(tipAnswer.value.body.trim());
    // Confirmed means at least one confirmation, even when the tip is unknown or lags behind the block.
    const confirmations = tip === undefined ? 1 : Math.max(1, tip - height + 1);
    const result: ConfirmationsResult['result'] = confirmations >= required ? 'confirmed' : tip === undefined ? 'unknown' : 'confirming';
    const detail = tip === undefined ? `in block ${height}; the tip height is unknown (${tipProblem})` : `in block ${height}, tip ${tip}`;
    return { result, confirmations, required, blockHeight: height, detail };
  } finally {
    destroyAll(ctx);
  }
}
