/**
 * Network checks against real servers on 127.0.0.1 (ephemeral ports): HTTP, TLS with a self-signed certificate, a
 * port that refuses, a server that never answers, a slow server, a CONNECT proxy and an Esplora-like explorer.
 * Nothing here contacts any other address: names are resolved by injected lookups, proxies only tunnel to loopback,
 * and every check runs with an empty proxy environment unless the test sets one.
 */
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkClock, checkConfirmations, checkConnectivity, noProxyMatches, proxyFor, type CheckOptions } from '../src/checks/network.js';
import { TEST_CERT, TEST_KEY } from './tls-fixture.js';

/**
 * Self-signed test certificate for 127.0.0.1 and localhost (EC P-256), valid 2020-01-01 to 2120-01-01 (100 years,
 * back-dated so that a clock that is somewhat behind still accepts it). Generated once with the openssl command line.
 */
;

const LOOPBACK = '127.0.0.1';
/** Defaults for every check: no proxy variables from the machine running the tests, and a bounded wait. */
const BASE: CheckOptions = { env: {}, timeoutMs: 3000 };
/** For the cases that must time out: short, and the bound the assertions allow on top of it is generous. */
const SHORT = 300;
const MARGIN = 2000;

const TX_CONFIRMED = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16';
const TX_MEMPOOL = 'b6f6991d03df0e2e04dafffcd6bc418aac66049e2cd74b80f14ac86db1e3f0da';
const TX_UNKNOWN = '0000000000000000000000000000000000000000000000000000000000000001';
const TX_BROKEN = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const noop = (): void => undefined;

interface Running {
  port: number;
  /** Destroys every connection, then closes the server. */
  close: () => Promise<void>;
  /** Resolves once every connection the server accepted so far has closed. */
  idle: () => Promise<void>;
}

/** Listens on an ephemeral loopback port and keeps track of connections so that closing never waits. */
async function start(server: net.Server, extra: Set<net.Socket> = new Set()): Promise<Running> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', noop);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as net.AddressInfo;
  let closed = false;
  return {
    port,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const socket of [...sockets, ...extra]) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    idle: async () => {
      await Promise.all([...sockets].map((s) => (s.closed ? undefined : once(s, 'close'))));
    },
  };
}

/** A port with nothing listening: bound, then released. */
async function freePort(): Promise<number> {
  const running = await start(net.createServer());
  await running.close();
  return running.port;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

// ---------------------------------------------------------------------------------------------------------------
// The servers

/** Every request the app servers saw, as "METHOD path". */
const seen: string[] = [];
/** Timers of the slow route, cleared when servers close. */
const pending = new Set<NodeJS.Timeout>();

function app(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://test');
  seen.push(`${req.method} ${url.pathname}`);
  const text = (status: number, body = '') => {
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const json = (value: unknown) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  const path = url.pathname;
  if (path === '/ok') return text(200, 'all good');
  if (path === '/busy') return text(503, 'maintenance');
  if (path === '/limited') return text(429, 'slow down');
  if (path === '/gone') return text(404, 'no such page');
  if (path === '/slow') {
    const timer = setTimeout(() => {
      pending.delete(timer);
      text(200, 'late');
    }, 400);
    pending.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
    return;
  }
  if (path === '/clock') {
    const offset = Number(url.searchParams.get('offset') ?? '0');
    res.setHeader('Date', new Date(Date.now() + offset * 1000).toUTCString());
    return text(200, 'tick');
  }
  if (path === '/nodate') {
    res.sendDate = false;
    return text(200, 'no date here');
  }
  if (path === '/nohead') {
    if (req.method === 'HEAD') {
      res.sendDate = false;
      return text(405);
    }
    return text(200, 'GET only');
  }
  // An Esplora-like explorer under /api: tip 100; TX_CONFIRMED in block 95, TX_MEMPOOL unconfirmed.
  // Under /broken-tip the tip height is unavailable.
  const explorer = /^\/(api|broken-tip)\/(?:tx\/([0-9a-f]{64})\/status|blocks\/tip\/height)$/.exec(path);
  if (explorer && req.method === 'GET') {
    const [, prefix, txid] = explorer;
    if (txid === undefined) return prefix === 'broken-tip' ? text(503, 'tip unavailable') : text(200, '100');
    if (txid === TX_CONFIRMED) return json({ confirmed: true, block_height: 95, block_hash: '00'.repeat(32), block_time: 1_700_000_000 });
    if (txid === TX_MEMPOOL) return json({ confirmed: false });
    if (txid === TX_BROKEN) return text(500, 'internal error');
    return text(404, 'Transaction not found');
  }
  text(404, 'unknown route');
}

let plain: Running;
let secure: Running;
let silent: Running;
/** SNI names the TLS server was asked for. */
const sniNames: string[] = [];
/** Called with each connection the silent server accepts. */
let onSilentConnection: ((socket: net.Socket) => void) | undefined;

beforeAll(async () => {
  plain = await start(http.createServer(app));
  const context = tls.createSecureContext({ key: TEST_KEY, cert: TEST_CERT });
  const SNICallback = (name: string, done: (err: Error | null, ctx?: tls.SecureContext) => void) => {
    sniNames.push(name); // read from the ClientHello, so recorded even when the client hangs up right after the handshake
    done(null, context);
  };
  const tlsServer = https.createServer({ key: TEST_KEY, cert: TEST_CERT, SNICallback }, app);
  tlsServer.on('tlsClientError', noop);
  secure = await start(tlsServer);
  // Accepts connections and never says a word: no TLS handshake, no HTTP answer.
  silent = await start(
    net.createServer((socket) => {
      onSilentConnection?.(socket);
      socket.resume(); // read and drop what arrives, so that the client hanging up is seen
    }),
  );
});

afterAll(async () => {
  for (const timer of pending) clearTimeout(timer);
  await Promise.all([plain.close(), secure.close(), silent.close()]);
});

interface ProxyLogEntry { method: string; target: string; auth: string | undefined }

/**
 * An HTTP proxy: CONNECT tunnels and absolute-form forwarding, both only to 127.0.0.1 ("localhost" is mapped to it
 * without any lookup). Options: drop the first tunnel (a flaky proxy), or demand credentials.
 */
async function startProxy(opts: { dropFirst?: boolean; requireAuth?: string } = {}): Promise<Running & { log: ProxyLogEntry[]; url: string }> {
  const log: ProxyLogEntry[] = [];
  const upstreams = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    log.push({ method: req.method ?? '', target: req.url ?? '', auth: req.headers['proxy-authorization'] });
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.hostname !== LOOPBACK) {
      res.writeHead(403).end();
      return;
    }
    const forward = http.request({ host: LOOPBACK, port: Number(target.port), path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    log.push({ method: req.method ?? '', target: req.url ?? '', auth: req.headers['proxy-authorization'] });
    client.on('error', noop);
    if (opts.dropFirst && log.length === 1) {
      client.destroy();
      return;
    }
    if (opts.requireAuth && req.headers['proxy-authorization'] !== opts.requireAuth) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const match = /^(127\.0\.0\.1|localhost):(\d+)$/.exec(req.url ?? '');
    if (!match) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(match[2]), LOOPBACK, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstreams.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.once('close', () => {
      upstreams.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
  });
  const running = await start(server, upstreams);
  cleanups.push(running.close);
  return { ...running, log, url: `http://${LOOPBACK}:${running.port}` };
}

const layers = (r: { timings: { layer: string }[] }) => r.timings.map((t) => t.layer);
const timing = (r: { timings: { layer: string; ok: boolean; detail?: string; ms: number }[] }, layer: string) => r.timings.find((t) => t.layer === layer);
const elapsedSince = (start: number) => performance.now() - start;
const resolveTo127 = (names: string[]) => async (host: string) => {
  names.push(host);
  return { address: LOOPBACK, family: 4 as const };
};
const lookupMustNotRun = async (host: string): Promise<never> => {
  throw new Error(`lookup of ${host} must not happen`);
};

// ---------------------------------------------------------------------------------------------------------------

describe('checkConnectivity: layer by layer', () => {
  it('is ok through DNS, TCP and a verified TLS handshake when the extra CA is given', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'ok' });
    expect(r.failedLayer).toBeUndefined();
    expect(r.viaProxy).toBeUndefined();
    expect(r.httpStatus).toBeUndefined();
    expect(layers(r)).toEqual(['dns', 'tcp', 'tls']);
    expect(r.timings.every((t) => t.ok && t.ms >= 0)).toBe(true);
    expect(timing(r, 'dns')?.detail).toContain('no lookup needed');
    expect(timing(r, 'tls')?.detail).toMatch(/^TLSv1\.[23], certificate valid until 2120-01-01$/);
    await secure.idle(); // every socket of the check is closed once it returns
  });

  it('resolves a name with the injected lookup and sends it as SNI', async () => {
    const names: string[] = [];
    sniNames.length = 0;
    const r = await checkConnectivity({ apiHost: 'localhost', apiPort: secure.port }, { ...BASE, ca: TEST_CERT, lookup: resolveTo127(names) });
    expect(r.result).toBe('ok');
    expect(names).toEqual(['localhost']);
    expect(timing(r, 'dns')?.detail).toBe('localhost → 127.0.0.1');
    expect(sniNames).toEqual(['localhost']);
  });

  it('is offline at tls without the CA: the certificate is not trusted', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, BASE);
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'tls', certificateProblem: true });
    expect(layers(r)).toEqual(['dns', 'tcp', 'tls']);
    expect(timing(r, 'tls')).toMatchObject({ ok: false, detail: expect.stringMatching(/certificate not trusted/) });
  });

  it('is offline at tls when the certificate belongs to another name (interception)', async () => {
    const r = await checkConnectivity({ apiHost: 'api.wallet.test', apiPort: secure.port }, { ...BASE, ca: TEST_CERT, lookup: resolveTo127([]) });
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'tls', certificateProblem: true });
    expect(timing(r, 'tls')?.detail).toMatch(/another host.*ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('reads the status URL: 200 is ok, with the four layers timed', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${plain.port}/ok` }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'ok', httpStatus: 200 });
    expect(layers(r)).toEqual(['dns', 'tcp', 'tls', 'http']);
    expect(timing(r, 'http')).toMatchObject({ ok: true, detail: 'HTTP 200' });
  });

  it('reads an https:// status URL with the same CA', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `https://${LOOPBACK}:${secure.port}/ok` }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'ok', httpStatus: 200 });
  });

  it.each([
    ['/busy', 503],
    ['/limited', 429],
  ])('is unstable when the status URL %s answers %i', async (path, status) => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${plain.port}${path}` }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'unstable', httpStatus: status });
    expect(r.failedLayer).toBeUndefined();
    expect(timing(r, 'http')).toMatchObject({ ok: false, detail: `HTTP ${status}` });
  });

  it('counts any other answer (404) as reached: ok', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${plain.port}/gone` }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'ok', httpStatus: 404 });
  });

  it('is unstable when a layer takes longer than slowMs', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${plain.port}/slow` }, { ...BASE, ca: TEST_CERT, slowMs: 150 });
    expect(r).toMatchObject({ result: 'unstable', httpStatus: 200 });
    expect(timing(r, 'http')?.ok).toBe(true);
    expect(timing(r, 'http')?.ms).toBeGreaterThan(150);
  });

  it('cannot tell (not offline) when the provider\'s port refuses, after one retry: the refusal is an answer from its host', async () => {
    // The device reached the host, which said no: the service is down or in maintenance, not this device's connection (QA: script).
    const port = await freePort();
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: port }, { ...BASE, ca: TEST_CERT, online: () => true });
    expect(r).toMatchObject({ result: 'unknown', failedLayer: 'tcp', unknownReason: 'refused' });
    expect(layers(r)).toEqual(['dns', 'tcp']);
    expect(timing(r, 'tcp')).toMatchObject({ ok: false, detail: 'connection refused (ECONNREFUSED) (also on a retry)' });
  });

  it('is offline at tls within the timeout when the server never answers the handshake', async () => {
    const started = performance.now();
    const accepted: net.Socket[] = [];
    onSilentConnection = (socket) => accepted.push(socket);
    try {
      const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: silent.port }, { ...BASE, ca: TEST_CERT, timeoutMs: SHORT });
      expect(elapsedSince(started)).toBeLessThan(SHORT + MARGIN);
      expect(r).toMatchObject({ result: 'offline', failedLayer: 'tls' });
      expect(r.certificateProblem).toBeUndefined();
      expect(timing(r, 'tls')?.detail).toMatch(new RegExp(`TLS handshake with 127\\.0\\.0\\.1:${silent.port}: no answer within ${SHORT} ms`));
      // The check hung up: the server sees its end close.
      expect(accepted).toHaveLength(1);
      await Promise.all(accepted.map((s) => (s.closed ? undefined : once(s, 'close'))));
    } finally {
      onSilentConnection = undefined;
    }
  });

  it('cannot tell (not offline) within the timeout when the status URL never answers, the API host reached (QA: checks review)', async () => {
    const started = performance.now();
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${silent.port}/status` }, { ...BASE, ca: TEST_CERT, timeoutMs: SHORT });
    expect(elapsedSince(started)).toBeLessThan(3 * SHORT + MARGIN);
    expect(r).toMatchObject({ result: 'unknown', failedLayer: 'http', unknownReason: 'no-answer' });
    expect(timing(r, 'http')).toMatchObject({ ok: false, detail: expect.stringMatching(/no answer within 300 ms/) });
  });

  it('cannot tell (not offline) when the status URL\'s host refuses the connection, the API host reached', async () => {
    const port = await freePort();
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${port}/status` }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'unknown', failedLayer: 'http', unknownReason: 'refused' });
    expect(r.httpStatus).toBeUndefined();
    expect(timing(r, 'http')?.detail).toContain('ECONNREFUSED');
  });

  it('cannot tell (not offline) when the status URL cannot be fetched for another reason (a reset), the API host reached', async () => {
    // Accepts, then resets every connection: no answer from the service, and no refusal either.
    const resetting = await start(net.createServer((socket) => socket.resetAndDestroy()));
    cleanups.push(resetting.close);
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${resetting.port}/status` }, { ...BASE, ca: TEST_CERT });
    expect(r).toMatchObject({ result: 'unknown', failedLayer: 'http', unknownReason: 'no-answer' });
  });

  const failingLookup = (code: string) => async (host: string): Promise<never> => {
    throw Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code, hostname: host });
  };

  it('is offline at dns when the lookup fails with ENOTFOUND and no network interface is up', async () => {
    const r = await checkConnectivity({ apiHost: 'wallet-api.invalid', statusUrl: `http://${LOOPBACK}:${plain.port}/ok` }, { ...BASE, lookup: failingLookup('ENOTFOUND'), online: () => false });
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'dns' });
    expect(r.timings).toEqual([{ layer: 'dns', ms: expect.any(Number), ok: false, detail: 'name not found (ENOTFOUND)' }]);
  });

  it('cannot tell when a DNS server says the name does not exist while the device is on a network', async () => {
    // A DNS filter, a captive portal or the service itself: not "your connection is down".
    for (const code of ['ENOTFOUND', 'ENODATA']) {
      const r = await checkConnectivity({ apiHost: 'wallet-api.invalid' }, { ...BASE, lookup: failingLookup(code), online: () => true });
      expect(r).toMatchObject({ result: 'unknown', failedLayer: 'dns' });
    }
    // No answer from any DNS server is what being offline looks like, whatever the interfaces.
    const again = await checkConnectivity({ apiHost: 'wallet-api.invalid' }, { ...BASE, lookup: failingLookup('EAI_AGAIN'), online: () => true });
    expect(again).toMatchObject({ result: 'offline', failedLayer: 'dns' });
  });

  it('is offline at dns within the timeout when the lookup never answers', async () => {
    const started = performance.now();
    const r = await checkConnectivity({ apiHost: 'wallet-api.invalid' }, { ...BASE, timeoutMs: SHORT, lookup: () => new Promise(noop) });
    expect(elapsedSince(started)).toBeLessThan(SHORT + MARGIN);
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'dns' });
    expect(timing(r, 'dns')?.detail).toMatch(/no answer within 300 ms/);
  });

  it('rejects arguments that are not a target', async () => {
    await expect(checkConnectivity({ apiHost: ' ' }, BASE)).rejects.toThrow(TypeError);
    await expect(checkConnectivity({ apiHost: LOOPBACK, apiPort: 70000 }, BASE)).rejects.toThrow(RangeError);
    await expect(checkConnectivity({ apiHost: LOOPBACK, statusUrl: 'ftp://127.0.0.1/' }, BASE)).rejects.toThrow(TypeError);
    await expect(checkConnectivity({ apiHost: LOOPBACK }, { ...BASE, timeoutMs: 0 })).rejects.toThrow(RangeError);
  });
});

describe('checkConnectivity: proxies', () => {
  it('tunnels through HTTPS_PROXY with CONNECT and leaves DNS to the proxy', async () => {
    const proxy = await startProxy();
    sniNames.length = 0;
    const r = await checkConnectivity(
      { apiHost: 'localhost', apiPort: secure.port, statusUrl: `https://localhost:${secure.port}/ok` },
      { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: proxy.url }, lookup: lookupMustNotRun },
    );
    expect(r).toMatchObject({ result: 'ok', httpStatus: 200, viaProxy: `127.0.0.1:${proxy.port}` });
    expect(r.timings[0]).toEqual({ layer: 'dns', ms: 0, ok: true, detail: 'via proxy' });
    expect(timing(r, 'tcp')?.detail).toBe(`tunnel through proxy 127.0.0.1:${proxy.port}`);
    expect(proxy.log.map((e) => `${e.method} ${e.target}`)).toEqual([`CONNECT localhost:${secure.port}`, `CONNECT localhost:${secure.port}`]);
    expect(sniNames).toEqual(['localhost', 'localhost']); // TLS runs end to end over the tunnel
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const proxy = await startProxy();
    const r = await checkConnectivity(
      { apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `https://${LOOPBACK}:${secure.port}/ok` },
      { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } },
    );
    expect(r).toMatchObject({ result: 'ok', httpStatus: 200 });
    expect(r.viaProxy).toBeUndefined();
    expect(timing(r, 'dns')?.detail).not.toBe('via proxy');
    expect(proxy.log).toEqual([]);
  });

  it('prefers lower-case https_proxy over HTTPS_PROXY, like curl', async () => {
    const proxy = await startProxy();
    const unused = await freePort();
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT, env: { https_proxy: proxy.url, HTTPS_PROXY: `http://127.0.0.1:${unused}` } });
    expect(r).toMatchObject({ result: 'ok', viaProxy: `127.0.0.1:${proxy.port}` });
    expect(proxy.log).toHaveLength(1);
  });

  it('sends the credentials of the proxy URL and never reports them', async () => {
    const expected = `Basic ${Buffer.from('alice:s=cret', 'utf8').toString('base64')}`;
    const proxy = await startProxy({ requireAuth: expected });
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: `http://alice:s%3Dcret@127.0.0.1:${proxy.port}` } });
    expect(r).toMatchObject({ result: 'ok', viaProxy: `127.0.0.1:${proxy.port}` });
    expect(proxy.log[0]?.auth).toBe(expected);
    expect(JSON.stringify(r)).not.toMatch(/alice|cret/);
  });

  it('is offline at tcp when the proxy refuses the tunnel (407), without retrying', async () => {
    const proxy = await startProxy({ requireAuth: 'Basic nobody' });
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: proxy.url } });
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'tcp', viaProxy: `127.0.0.1:${proxy.port}` });
    expect(timing(r, 'tcp')?.detail).toBe(`proxy 127.0.0.1:${proxy.port} refused the tunnel: HTTP 407 (proxy authentication required)`);
    expect(proxy.log).toHaveLength(1);
  });

  it('retries a tunnel the proxy dropped: flaky, so unstable', async () => {
    const proxy = await startProxy({ dropFirst: true });
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: proxy.url } });
    expect(r).toMatchObject({ result: 'unstable', viaProxy: `127.0.0.1:${proxy.port}` });
    expect(r.failedLayer).toBeUndefined();
    expect(r.timings.every((t) => t.ok)).toBe(true);
    expect(timing(r, 'tcp')?.detail).toMatch(/connected on the second attempt, the first failed: proxy .* closed the connection/);
    expect(proxy.log).toHaveLength(2);
  });

  it('is offline at tcp when the proxy itself refuses connections (the proxy is this side\'s, not the provider)', async () => {
    const port = await freePort();
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: `127.0.0.1:${port}` } });
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'tcp', viaProxy: `127.0.0.1:${port}` });
    expect(r.unknownReason).toBeUndefined();
    // The status URL through an HTTP proxy that refuses: the same.
    const viaHttp = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl: `http://${LOOPBACK}:${plain.port}/ok` }, { ...BASE, ca: TEST_CERT, env: { HTTP_PROXY: `127.0.0.1:${port}` } });
    expect(viaHttp).toMatchObject({ result: 'offline', failedLayer: 'http' });
    expect(timing(r, 'tcp')?.detail).toMatch(/^proxy 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\) \(also on a retry\)$/);
  });

  it('sends http:// status URLs through HTTP_PROXY in absolute form', async () => {
    const proxy = await startProxy();
    const statusUrl = `http://${LOOPBACK}:${plain.port}/ok`;
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port, statusUrl }, { ...BASE, ca: TEST_CERT, env: { HTTP_PROXY: proxy.url } });
    expect(r).toMatchObject({ result: 'ok', httpStatus: 200, viaProxy: `127.0.0.1:${proxy.port}` });
    expect(timing(r, 'dns')?.detail).not.toBe('via proxy'); // HTTP_PROXY is not used for the TLS connection
    expect(timing(r, 'http')?.detail).toBe(`HTTP 200 via proxy 127.0.0.1:${proxy.port}`);
    expect(proxy.log.map((e) => `${e.method} ${e.target}`)).toEqual([`GET ${statusUrl}`]);
  });

  it('reports an unusable proxy setting at tcp without echoing it', async () => {
    const r = await checkConnectivity({ apiHost: LOOPBACK, apiPort: secure.port }, { ...BASE, ca: TEST_CERT, env: { HTTPS_PROXY: 'socks5://bob:hunter2@127.0.0.1:1080' } });
    expect(r).toMatchObject({ result: 'offline', failedLayer: 'tcp' });
    expect(timing(r, 'tcp')?.detail).toBe('HTTPS_PROXY names a socks5:// proxy; only http:// proxies are supported');
    expect(JSON.stringify(r)).not.toMatch(/bob|hunter2/);
  });
});

describe('proxy selection', () => {
  it.each<[string, number, string | undefined, boolean]>([
    ['example.com', 443, 'example.com', true],
    ['www.example.com', 443, 'example.com', true],
    ['www.example.com', 443, '.example.com', true],
    ['example.com', 443, '.example.com', true],
    ['notexample.com', 443, 'example.com', false],
    ['example.com', 443, 'www.example.com', false],
    ['EXAMPLE.com.', 443, ' other.test ,example.COM', true],
    ['api.wallet.test', 443, '*', true],
    ['api.wallet.test', 443, 'a.test,*.wallet.test', true],
    ['api.wallet.test', 443, 'api.wallet.test:8443', false],
    ['api.wallet.test', 8443, 'api.wallet.test:8443', true],
    ['127.0.0.1', 443, '127.0.0.1', true],
    ['127.0.0.1', 443, 'localhost', false],
    ['localhost', 443, '127.0.0.1', false],
    ['localhost', 443, 'localhost', true],
    ['127.0.0.1', 443, '127.0.0.0/8', true],
    ['10.1.2.3', 443, '127.0.0.0/8', false],
    ['127.0.0.1', 443, '0.0.1', false],
    ['127.0.0.1', 443, '127.0.0.1:80', false],
    ['::1', 443, '::1', true],
    ['[::1]', 443, '[::1]:443', true],
    ['::1', 443, '[::1]:80', false],
    ['2001:db8::5', 443, '2001:db8::/32', true],
    ['2001:db9::5', 443, '2001:db8::/32', false],
    ['127.0.0.1', 443, '127.0.0.0/99', false],
    ['example.com', 443, '', false],
    ['example.com', 443, undefined, false],
  ])('%s:%i with NO_PROXY=%j → %s', (host, port, list, expected) => {
    expect(noProxyMatches(host, port, list)).toBe(expected);
  });

  it('picks the variable by scheme, lower case first, and never puts credentials in the label', () => {
    expect(proxyFor('https:', 'api.wallet.test', 443, {})).toBeUndefined();
    expect(proxyFor('https:', 'api.wallet.test', 443, { HTTP_PROXY: 'http://proxy.test:3128' })).toBeUndefined();
    expect(proxyFor('http:', 'api.wallet.test', 80, { http_proxy: 'proxy.test:3128', HTTP_PROXY: 'other.test:1' })).toEqual({ host: 'proxy.test', port: 3128, label: 'proxy.test:3128' });
    expect(proxyFor('https:', 'api.wallet.test', 443, { https_proxy: '', HTTPS_PROXY: 'http://proxy.test' })).toEqual({ host: 'proxy.test', port: 80, label: 'proxy.test:80' });
    expect(proxyFor('https:', 'api.wallet.test', 443, { HTTPS_PROXY: 'http://u:p@[::1]:8080', no_proxy: 'other.test' })).toEqual({
      host: '::1',
      port: 8080,
      label: '[::1]:8080',
      authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
    });
    expect(proxyFor('https:', 'api.wallet.test', 443, { HTTPS_PROXY: 'http://proxy.test:3128', NO_PROXY: 'wallet.test' })).toBeUndefined();
    expect(proxyFor('https:', 'api.wallet.test', 443, { HTTPS_PROXY: 'http://proxy.test:3128', no_proxy: 'x.test', NO_PROXY: 'wallet.test' })).toBeDefined();
    expect(() => proxyFor('https:', 'api.wallet.test', 443, { HTTPS_PROXY: 'http://[oops' })).toThrow('HTTPS_PROXY is not a valid proxy URL');
  });
});

describe('checkClock', () => {
  const clock = (offset: number) => `http://${LOOPBACK}:${plain.port}/clock?offset=${offset}`;

  it('is ok when the server clock agrees', async () => {
    const r = await checkClock(clock(0), BASE);
    expect(r.result).toBe('ok');
    expect(Math.abs(r.skewSeconds ?? NaN)).toBeLessThan(3);
    expect(r.serverDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  it('is skewed and negative when the server is 45 s ahead (this device is behind)', async () => {
    const r = await checkClock(clock(45), BASE);
    expect(r.result).toBe('skewed');
    expect(Math.abs((r.skewSeconds ?? NaN) + 45)).toBeLessThan(3);
    expect(r.detail).toMatch(/^behind 127\.0\.0\.1:\d+ by 4\d(\.\d)? s/);
  });

  it('is skewed and positive when the server is 120 s behind (this device is ahead)', async () => {
    const r = await checkClock(clock(-120), BASE);
    expect(r.result).toBe('skewed');
    expect(Math.abs((r.skewSeconds ?? NaN) - 120)).toBeLessThan(3);
  });

  it('measures against the injected clock', async () => {
    const r = await checkClock(clock(0), { ...BASE, now: () => Date.now() + 45_000 });
    expect(r.result).toBe('skewed');
    expect(Math.abs((r.skewSeconds ?? NaN) - 45)).toBeLessThan(3);
  });

  it('accepts a larger maxSkewSeconds', async () => {
    const r = await checkClock(clock(45), { ...BASE, maxSkewSeconds: 60 });
    expect(r.result).toBe('ok');
    expect(Math.abs((r.skewSeconds ?? NaN) + 45)).toBeLessThan(3);
  });

  it('is unknown without a Date header, after trying HEAD then GET', async () => {
    seen.length = 0;
    const r = await checkClock(`http://${LOOPBACK}:${plain.port}/nodate`, BASE);
    expect(r).toEqual({ result: 'unknown', detail: `127.0.0.1:${plain.port} sent no Date header (HTTP 200)` });
    expect(seen).toEqual(['HEAD /nodate', 'GET /nodate']);
  });

  it('falls back to GET when HEAD is refused', async () => {
    seen.length = 0;
    const r = await checkClock(`http://${LOOPBACK}:${plain.port}/nohead`, BASE);
    expect(r.result).toBe('ok');
    expect(seen).toEqual(['HEAD /nohead', 'GET /nohead']);
  });

  it('works over https with the extra CA', async () => {
    const r = await checkClock(`https://${LOOPBACK}:${secure.port}/clock?offset=-120`, { ...BASE, ca: TEST_CERT });
    expect(r.result).toBe('skewed');
    expect(r.skewSeconds).toBeGreaterThan(100);
  });

  it('is unknown when the server is down', async () => {
    const port = await freePort();
    const r = await checkClock(`http://${LOOPBACK}:${port}/`, BASE);
    expect(r.result).toBe('unknown');
    expect(r.skewSeconds).toBeUndefined();
    expect(r.detail).toContain('ECONNREFUSED');
  });

  it('is unknown within the timeout when the server never answers', async () => {
    const started = performance.now();
    const r = await checkClock(`http://${LOOPBACK}:${silent.port}/`, { ...BASE, timeoutMs: SHORT });
    expect(elapsedSince(started)).toBeLessThan(SHORT + MARGIN);
    expect(r.result).toBe('unknown');
    expect(r.detail).toMatch(/HEAD 127\.0\.0\.1:\d+: no answer within 300 ms/);
  });
});

describe('checkConfirmations (Esplora API)', () => {
  const api = () => `http://${LOOPBACK}:${plain.port}/api`;

  it('is confirmed with tip − height + 1 confirmations', async () => {
    const r = await checkConfirmations(api(), TX_CONFIRMED, 6, BASE);
    expect(r).toEqual({ result: 'confirmed', confirmations: 6, required: 6, blockHeight: 95, detail: 'in block 95, tip 100' });
  });

  it('is confirming while fewer than required', async () => {
    const r = await checkConfirmations(`${api()}/`, TX_CONFIRMED.toUpperCase(), 12, BASE);
    expect(r).toMatchObject({ result: 'confirming', confirmations: 6, required: 12, blockHeight: 95 });
  });

  it('is confirming with 0 while in the mempool', async () => {
    const r = await checkConfirmations(api(), TX_MEMPOOL, 1, BASE);
    expect(r).toMatchObject({ result: 'confirming', confirmations: 0, required: 1 });
    expect(r.blockHeight).toBeUndefined();
  });

  it('is not-found when the explorer answers 404', async () => {
    const r = await checkConfirmations(api(), TX_UNKNOWN, 1, BASE);
    expect(r).toMatchObject({ result: 'not-found', confirmations: 0, required: 1 });
  });

  it('is not-found without asking when the TxID is malformed', async () => {
    seen.length = 0;
    const r = await checkConfirmations(api(), 'not-a-txid/../../etc', 1, BASE);
    expect(r).toMatchObject({ result: 'not-found', confirmations: 0, detail: expect.stringContaining('64 hexadecimal') });
    expect(seen).toEqual([]);
  });

  it('is unknown when the explorer is down or failing', async () => {
    const port = await freePort();
    const down = await checkConfirmations(`http://${LOOPBACK}:${port}/api`, TX_CONFIRMED, 6, BASE);
    expect(down).toMatchObject({ result: 'unknown', confirmations: 0, required: 6, detail: expect.stringContaining('ECONNREFUSED') });
    const failing = await checkConfirmations(api(), TX_BROKEN, 6, BASE);
    expect(failing).toMatchObject({ result: 'unknown', detail: 'the explorer answered HTTP 500' });
  });

  it('counts a confirmed transaction as one confirmation when the tip is unavailable', async () => {
    const base = `http://${LOOPBACK}:${plain.port}/broken-tip`;
    expect(await checkConfirmations(base, TX_CONFIRMED, 1, BASE)).toMatchObject({ result: 'confirmed', confirmations: 1, blockHeight: 95 });
    expect(await checkConfirmations(base, TX_CONFIRMED, 6, BASE)).toMatchObject({ result: 'unknown', confirmations: 1, detail: expect.stringContaining('HTTP 503') });
  });

  it('is unknown within the timeout when the explorer never answers', async () => {
    const started = performance.now();
    const r = await checkConfirmations(`http://${LOOPBACK}:${silent.port}/api`, TX_CONFIRMED, 6, { ...BASE, timeoutMs: SHORT });
    expect(elapsedSince(started)).toBeLessThan(SHORT + MARGIN);
    expect(r).toMatchObject({ result: 'unknown', detail: expect.stringMatching(/no answer within 300 ms/) });
  });

  it('rejects a required count below 1', async () => {
    await expect(checkConfirmations(api(), TX_CONFIRMED, 0, BASE)).rejects.toThrow(RangeError);
  });
});

describe('cancellation', () => {
  it('rejects with an AbortError within 100 ms when aborted mid-handshake', async () => {
    const controller = new AbortController();
    const accepted: net.Socket[] = [];
    let abortedAt = 0;
    onSilentConnection = (socket) => {
      accepted.push(socket);
      // The ClientHello arrived: the check is waiting for the handshake. Cancel now.
      socket.once('data', () => {
        abortedAt = performance.now();
        controller.abort();
      });
    };
    try {
      const check = checkConnectivity({ apiHost: LOOPBACK, apiPort: silent.port }, { ...BASE, ca: TEST_CERT, timeoutMs: 10_000, signal: controller.signal });
      await expect(check).rejects.toMatchObject({ name: 'AbortError' });
      expect(abortedAt).toBeGreaterThan(0);
      expect(performance.now() - abortedAt).toBeLessThan(100);
      await Promise.all(accepted.map((s) => (s.closed ? undefined : once(s, 'close'))));
    } finally {
      onSilentConnection = undefined;
    }
  });

  it('rejects at once when the signal is already aborted, without connecting', async () => {
    const controller = new AbortController();
    controller.abort();
    const opts = { ...BASE, signal: controller.signal, lookup: lookupMustNotRun };
    const accepted: net.Socket[] = [];
    onSilentConnection = (socket) => accepted.push(socket);
    try {
      await expect(checkConnectivity({ apiHost: LOOPBACK, apiPort: silent.port }, opts)).rejects.toMatchObject({ name: 'AbortError' });
      await expect(checkClock(`http://${LOOPBACK}:${silent.port}/`, opts)).rejects.toMatchObject({ name: 'AbortError' });
      await expect(checkConfirmations(`http://${LOOPBACK}:${silent.port}/api`, TX_CONFIRMED, 1, opts)).rejects.toMatchObject({ name: 'AbortError' });
      expect(accepted).toEqual([]);
    } finally {
      onSilentConnection = undefined;
    }
  });

  it('cancels the explorer requests while they wait for an answer', async () => {
    const controller = new AbortController();
    let connections = 0;
    onSilentConnection = (socket) => {
      connections += 1;
      socket.once('data', () => controller.abort(new Error('user pressed Ctrl+C')));
    };
    try {
      const check = checkConfirmations(`http://${LOOPBACK}:${silent.port}/api`, TX_CONFIRMED, 1, { ...BASE, timeoutMs: 10_000, signal: controller.signal });
      await expect(check).rejects.toMatchObject({ name: 'AbortError', cause: { message: 'user pressed Ctrl+C' } });
      expect(connections).toBeGreaterThan(0);
    } finally {
      onSilentConnection = undefined;
    }
  });
});
