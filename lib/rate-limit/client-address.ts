import { BlockList, isIP } from "node:net";

/**
 * The header the production entry point (server/handler.ts) sets to the address it resolved.
 * Any copy a client sends is removed there first, so only the entry point's value reaches the app.
 */
export const CLIENT_ADDRESS_HEADER = "x-puente-client-address";

/** Set by the entry point in its own process: without it the header is not ours and is ignored. */
export const ENTRY_POINT_ENV = "PUENTE_ENTRY_POINT";

/**
 * The address used when no entry point resolved one (`next dev`, scripts, tests). A shared bucket,
 * but only where the entry point is not running, which is never a production server started
 * by `npm start` or scripts/server.ts.
 */
export const UNKNOWN_ADDRESS = "unknown";

/** "::ffff:203.0.113.9" and "203.0.113.9" are one client; lower case for IPv6; null when not an IP. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.9:51234" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) ? value : null;
}

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 or IPv6, separated by commas or spaces.
 * Node's own BlockList matches ranges (an IPv4 rule also matches its IPv4-mapped IPv6 form), so no
 * dependency is needed. A malformed entry throws: a typo must not silently trust nobody.
 */
export function parseTrustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [rawAddress, rawPrefix, extra] = entry.split("/");
    const address = normalizeAddress(rawAddress);
    const family = address && isIP(address) === 6 ? "ipv6" : "ipv4";
    const prefix = rawPrefix === undefined ? undefined : Number(rawPrefix);
    const maxPrefix = family === "ipv6" ? 128 : 32;
    if (!address || extra !== undefined || (prefix !== undefined && (!/^\d+$/.test(rawPrefix) || prefix > maxPrefix))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32).`);
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then
 * X-Forwarded-For is read from the right (each proxy appends the address it saw), skipping
 * trusted hops, and the first untrusted hop is the client. Hops left of it were written by
 * the client and are never read, so a forged header changes nothing.
 */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trusted: BlockList }): string {
  let client = normalizeAddress(input.socketAddress);
  if (!client) return UNKNOWN_ADDRESS;
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const hops = header.split(",").map((hop) => hop.trim()).filter(Boolean);
  while (isTrusted(input.trusted, client)) {
    const hop = hops.pop();
    if (hop === undefined) break;
    const address = normalizeAddress(hop);
    // A trusted proxy passed on something that is not an address: stop at that proxy.
    if (!address) break;
    client = address;
  }
  return client;
}

/** What clientAddress() and next-auth read: the entry point's header, only when the entry point runs. */
export function addressFromHeader(value: string | string[] | null | undefined, env: Record<string, string | undefined> = process.env): string {
  if (env[ENTRY_POINT_ENV] !== "1") return UNKNOWN_ADDRESS;
  const single = Array.isArray(value) ? value[0] : value;
  return normalizeAddress(single) ?? UNKNOWN_ADDRESS;
}
