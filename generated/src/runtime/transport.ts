// Credentials travel in clear text over plain http: anyone on the path reads them. A request
// that carries some goes to an http:// origin only on this machine (loopback), or when the caller
// said so with Configuration's allowInsecureHttp.
import { InsecureTransportError } from '../ApiError.js';

/** Throws before anything is sent when `url` is plain http to another machine and the request carries credentials. */
export function refuseCredentialsInClear(url: string, carriesCredentials: boolean, allowInsecureHttp: boolean): void {
  if (!carriesCredentials || allowInsecureHttp) return;
  const target = new URL(url);
  if (target.protocol !== 'http:' || isLoopbackHost(target.hostname)) return;
  throw new InsecureTransportError(
    `Refusing to send credentials over plain http to ${target.origin}: anyone on the network could read them. Use an https server (basePath or serverIndex), or set allowInsecureHttp: true in the Configuration to accept that risk.`,
  );
}

/** `localhost` and its subdomains, 127.0.0.0/8 and `[::1]`: names and addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
