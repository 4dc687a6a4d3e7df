/**
 * Fetching feeds and pages from the open web without becoming a way into the
 * machine's own network (SSRF). Every hop of a request (the first and each
 * redirect) connects only to addresses checked AFTER name resolution: loopback,
 * private, link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT,
 * multicast, reserved and IPv4-mapped/embedded forms of them are refused unless
 * the caller allows private addresses. The check runs inside the socket's own
 * `lookup`, so the address checked is the address connected to (no DNS
 * rebinding between check and use).
 *
 * Responses are bounded: an overall deadline, a redirect limit, and a size cap
 * counted on the decompressed stream (a 10 kB gzip bomb that inflates to 10 GB
 * stops at the cap).
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { promises as dns } from 'node:dns';
import zlib from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { MarsadError } from '../model/messages.js';

/** Largest response body kept, after decompression. */
export const DEFAULT_MAX_FETCH_BYTES = 16 * 1024 * 1024;
/** Time allowed for one fetch, redirects and body included. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const USER_AGENT = 'Marsad/0.1 (Arabic news event monitor; honours ETag and Last-Modified)';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NOT_MODIFIED = 304;
const HTTP_OK_MIN = 200;
const HTTP_OK_MAX = 299;

/** A resolved address, as `dns.lookup(…, {all: true})` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses (replaceable in tests). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchOptions {
  /** Allow loopback, private and link-local addresses (a local test server, an intranet feed). */
  allowPrivate?: boolean;
  /** Host names allowed whatever they resolve to (exactly as in the URL, lower-case). */
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Extra request headers (If-None-Match, If-Modified-Since, Accept). */
  headers?: Record<string, string>;
  resolver?: Resolver;
}

export interface FetchResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  contentType: string | null;
  /** The charset the Content-Type declares, if any. */
  charset: string | null;
  /** Every URL visited before the final one. */
  redirects: string[];
}

const systemResolver: Resolver = async (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Why an address may not be connected to (its range: loopback, private…), or
 * null when it is a public unicast address. IPv4-mapped IPv6 addresses are
 * judged as the IPv4 address they carry.
 */
export function forbiddenRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'unparseable';
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

function refused(host: string, address: string, range: string): MarsadError {
  return new MarsadError('fetch.refused', `refused to connect to ${host} (${address}): ${range} address (pass --allow-private to allow it)`);
}

interface HopPolicy {
  allowPrivate: boolean;
  allowHosts: readonly string[];
  resolver: Resolver;
}

function mayBePrivate(host: string, policy: HopPolicy): boolean {
  return policy.allowPrivate || policy.allowHosts.includes(host.toLowerCase());
}

/** A socket `lookup` that resolves with `resolver` and refuses forbidden addresses. */
function guardedLookup(host: string, policy: HopPolicy): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (err: Error | null, address?: unknown, family?: number) => void) => {
    policy.resolver(hostname).then(
      (addresses) => {
        if (!addresses.length) return callback(new MarsadError('fetch.failed', `${hostname} has no address`));
        if (!mayBePrivate(host, policy)) {
          // Refuse when ANY address is forbidden: a name that mixes public and private addresses is a trick.
          for (const a of addresses) {
            const range = forbiddenRange(a.address);
            if (range) return callback(refused(hostname, a.address, range));
          }
        }
        if (options?.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (e: Error) => callback(new MarsadError('fetch.failed', `cannot resolve ${hostname} (${(e as NodeJS.ErrnoException).code ?? e.message})`)),
    );
  }) as LookupFunction;
}

function charsetOf(contentType: string | null): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

function decoder(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  location: string | null;
}

/** One request, no redirects followed. */
function requestOnce(url: URL, policy: HopPolicy, options: FetchOptions, deadline: number): Promise<Hop> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !mayBePrivate(url.hostname, policy)) {
    const range = forbiddenRange(host);
    if (range) return Promise.reject(refused(url.hostname, host, range));
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(e);
    };
    const remaining = Math.max(1, deadline - Date.now());
    const timer = setTimeout(() => fail(new MarsadError('fetch.failed', `timed out after ${Math.round((options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS) / 1000)} s`, url.href)), remaining);
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: guardedLookup(url.hostname, policy),
        headers: { 'User-Agent': options.userAgent ?? USER_AGENT, 'Accept-Encoding': 'gzip, deflate, br', Accept: '*/*', ...options.headers },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        if (REDIRECT_STATUSES.has(status) || status === NOT_MODIFIED || status < HTTP_OK_MIN || status > HTTP_OK_MAX) {
          // No body is needed: drain a little and go.
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.alloc(0), location });
          req.destroy();
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) return fail(new MarsadError('fetch.too-large', `response is ${mb(declared)}, over the ${mb(maxBytes)} limit`, url.href));
        const inflate = decoder(res.headers['content-encoding'] as string | undefined);
        const stream: Readable = inflate ? res.pipe(inflate) : res;
        if (inflate) inflate.on('error', (e) => fail(new MarsadError('fetch.failed', `broken ${res.headers['content-encoding']} body (${e.message})`, url.href)));
        const chunks: Buffer[] = [];
        let size = 0;
        let raw = 0;
        res.on('data', (c: Buffer) => {
          raw += c.length;
          if (raw > maxBytes) fail(new MarsadError('fetch.too-large', `response is over the ${mb(maxBytes)} limit`, url.href));
        });
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            if (inflate) inflate.destroy();
            return fail(new MarsadError('fetch.too-large', `response is over the ${mb(maxBytes)} limit after decompression${inflate ? ' (a compression bomb?)' : ''}`, url.href));
          }
          chunks.push(c);
        });
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks), location });
        });
        res.on('error', (e) => fail(new MarsadError('fetch.failed', `connection broke (${e.message})`, url.href)));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof MarsadError) return fail(e);
      fail(new MarsadError('fetch.failed', `${e.code ?? e.message}`, url.href));
    });
    req.end();
  });
}

function parseHttpUrl(raw: string, base?: string): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    throw new MarsadError('fetch.failed', `not a URL: "${raw.slice(0, 200)}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new MarsadError('fetch.refused', `only http and https URLs are fetched, not ${u.protocol}`, raw.slice(0, 200));
  if (u.username || u.password) throw new MarsadError('fetch.refused', 'URLs with credentials are not fetched', u.host);
  return u;
}

/**
 * GETs `url` safely (see the file comment). Resolves with 2xx and 304
 * responses; other statuses, refusals, timeouts and oversize bodies reject
 * with a MarsadError (`fetch.refused`, `fetch.failed`, `fetch.too-large`).
 */
export async function safeFetch(url: string, options: FetchOptions = {}): Promise<FetchResponse> {
  const policy: HopPolicy = { allowPrivate: options.allowPrivate ?? false, allowHosts: (options.allowHosts ?? []).map((h) => h.toLowerCase()), resolver: options.resolver ?? systemResolver };
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const redirects: string[] = [];
  let current = parseHttpUrl(url);
  let headers = options.headers;
  for (;;) {
    const hop = await requestOnce(current, policy, { ...options, headers }, deadline);
    if (REDIRECT_STATUSES.has(hop.status) && hop.location) {
      if (redirects.length >= maxRedirects) throw new MarsadError('fetch.failed', `more than ${maxRedirects} redirects`, url);
      redirects.push(current.href);
      current = parseHttpUrl(hop.location, current.href);
      // Validators belong to the first URL, not to wherever it redirects.
      if (headers) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^if-/i.test(k)));
      continue;
    }
    if (hop.status !== NOT_MODIFIED && (hop.status < HTTP_OK_MIN || hop.status > HTTP_OK_MAX))
      throw new MarsadError('fetch.failed', `HTTP ${hop.status}`, current.href);
    const contentType = typeof hop.headers['content-type'] === 'string' ? hop.headers['content-type'] : null;
    return { url: current.href, status: hop.status, headers: hop.headers, body: hop.body, contentType, charset: charsetOf(contentType), redirects };
  }
}
