/**
 * The fetch guard: Chorus fetches URLs that users and feeds name, so it must not become a way to reach
 * the machine it runs on or its private network (SSRF). Every address a host name resolves to is checked
 * at connect time (the `lookup` hook of node:http), so a name that resolves to a public address when
 * checked and a private one when connecting (DNS rebinding) is refused too.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ChorusError } from '../core/errors.js';

/** Ranges never fetched unless private addresses are allowed (RFC 6890 special-purpose registries). */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 (embeds IPv4)
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/**
 * Ranges refused even when private addresses are allowed: link-local is where cloud metadata services
 * answer (169.254.169.254, fd00:ec2::254), and no intranet feed lives there. Allowing a feed on a LAN
 * must not let it read the machine's cloud credentials.
 */
const NEVER = new BlockList();
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addAddress('fd00:ec2::254', 'ipv6');
NEVER.addAddress('::', 'ipv6');

function inList(list: BlockList, address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return list.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return list.check(address, 'ipv4');
  if (family === 6) return list.check(address, 'ipv6');
  return true; // not an address at all: refuse rather than guess
}

/** True when `address` (IPv4 or IPv6, IPv4-mapped included) is private, loopback, link-local or reserved. */
export function isPrivateAddress(address: string): boolean {
  return inList(BLOCKED, address);
}

/** True when `address` is link-local or unspecified: refused even with private addresses allowed. */
export function isMetadataAddress(address: string): boolean {
  return inList(NEVER, address);
}

/** Names that always mean this machine (RFC 6761), refused by name before any DNS lookup. */
function isLoopbackName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Metadata host names that resolve to link-local addresses inside clouds. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'instance-data']);

export interface GuardOptions {
  /** Allow private, loopback and link-local addresses (tests on a local server; intranet feeds). */
  readonly allowPrivate: boolean;
}

function refusedAlways(host: string, address: string): ChorusError {
  return new ChorusError(
    'forbidden',
    `refused to fetch ${host}: it resolves to ${address}, a link-local address where cloud metadata ` +
      'services answer (refused even with private addresses allowed)',
  );
}

function refused(host: string, address: string): ChorusError {
  return new ChorusError(
    'forbidden',
    `refused to fetch ${host}: it resolves to ${address}, a private, loopback or link-local address ` +
      '(allow private addresses explicitly to fetch from it)',
  );
}

/** Checks a URL before any connection: http(s) only, and a literal address must be public. */
export function checkUrl(raw: string, options: GuardOptions): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ChorusError('invalid-input', `expected an http or https URL, found "${raw.slice(0, 200)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChorusError('forbidden', `expected an http or https URL, found a ${url.protocol} URL`);
  }
  if (url.username || url.password) {
    throw new ChorusError('forbidden', 'refused a URL with credentials in it');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (METADATA_NAMES.has(host.toLowerCase())) throw refusedAlways(url.hostname, 'a metadata service');
  if (isIP(host) && isMetadataAddress(host)) throw refusedAlways(url.hostname, host);
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) throw refused(url.hostname, host);
  if (!options.allowPrivate && isLoopbackName(host)) throw refused(url.hostname, 'a loopback address');
  return url;
}

/**
 * A `lookup` for node:http that resolves every address of the host and fails if any is private, so
 * the connection never opens. With `allowPrivate` only link-local (metadata) addresses are refused.
 */
export function guardedLookup(options: GuardOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const list = Array.isArray(addresses) ? addresses : [];
      const never = list.find((a) => isMetadataAddress(a.address));
      if (never) return callback(refusedAlways(hostname, never.address), '', 0);
      if (!options.allowPrivate) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(refused(hostname, bad.address), '', 0);
      }
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, first.address, first.family);
    });
  };
}
