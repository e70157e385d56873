// Shared helpers for the tests of the committed client in generated/.
// A real HTTP server on 127.0.0.1, a hand-written multipart parser and
// process/temp-dir utilities. No dependency on the client under test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// GENERATED_CLIENT_DIR lets the package and type tests run against another copy
// (e.g. a deliberately broken one, to check that they fail).
export const GENERATED_DIR = resolve(process.env.GENERATED_CLIENT_DIR ?? join(REPO_ROOT, 'generated'));
export const ROOT_NODE_MODULES = join(REPO_ROOT, 'node_modules');
export const TSC = join(ROOT_NODE_MODULES, '.bin', 'tsc');

// ---------------------------------------------------------------- processes

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Throws with the full output when the command does not exit 0. */
export function runOk(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const result = run(command, args, cwd, env);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Copies generated/ without node_modules and dist. */
export function copyGenerated(to: string): void {
  cpSync(GENERATED_DIR, to, {
    recursive: true,
    filter: (src) => {
      const name = basename(src);
      return !(src !== GENERATED_DIR && (name === 'node_modules' || name === 'dist'));
    },
  });
}

// ---------------------------------------------------------------- http server

export interface RecordedRequest {
  method: string;
  /** Raw request target, exactly as sent on the wire (not decoded). */
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer, index: number) => void | Promise<void>;

export interface TestServer {
  /** http://127.0.0.1:<port>/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replaces the handler and clears the request log. */
  reset(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let handler: Handler = (_req, res) => {
    res.writeHead(500);
    res.end('no handler');
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const index = requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }) - 1;
      Promise.resolve(handler(req, res, body, index)).catch((err: unknown) => {
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reset(next) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

export const pause = (ms = 5) => new Promise<void>((done) => setTimeout(done, ms));

// ---------------------------------------------------------------- multipart

export interface Part {
  headers: Record<string, string>;
  name: string | undefined;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/**
 * Parses a multipart/form-data body (RFC 7578) by hand, using the boundary
 * from the Content-Type header. Throws on anything malformed.
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): Part[] {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new Error(`not multipart/form-data: ${String(contentType)}`);
  }
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!match) throw new Error(`no boundary in ${contentType}`);
  const boundary = match[1] ?? match[2] ?? '';
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  if (body.indexOf(first) !== 0) throw new Error('body does not start with the boundary');
  const parts: Part[] = [];
  let pos = first.length;
  for (;;) {
    const after = body.subarray(pos, pos + 2).toString('latin1');
    if (after === '--') break; // closing delimiter
    if (after !== '\r\n') throw new Error(`expected CRLF after boundary at ${pos}`);
    const headerStart = pos + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) throw new Error('unterminated part headers');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) throw new Error('part without a closing delimiter');
    const headers: Record<string, string> = {};
    for (const line of body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) throw new Error(`bad part header line: ${line}`);
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers['content-disposition'] ?? '';
    if (!/^form-data\b/i.test(disposition)) throw new Error(`bad content-disposition: ${disposition}`);
    parts.push({
      headers,
      name: /;\s*name="([^"]*)"/.exec(disposition)?.[1],
      filename: /;\s*filename="([^"]*)"/.exec(disposition)?.[1],
      contentType: headers['content-type'],
      data: Buffer.from(body.subarray(headerEnd + 4, next)),
    });
    pos = next + delimiter.length;
  }
  return parts;
}
