// Shared by the runtime tests (test/runtime) and the tests of the committed
// client (test/generated): a real HTTP server on 127.0.0.1 with a request log,
// a few timing helpers and a hand-written multipart/form-data parser.
// No dependency on the client under test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

const noHandler: Handler = (_req, res) => {
  res.writeHead(500);
  res.end('no handler');
};

/**
 * Starts a server on a free port. Each request body is read in full, logged,
 * then passed to the handler with its index in the log; a handler that throws
 * or rejects destroys the response. Without a handler every request gets a 500.
 */
export async function startServer(initial: Handler = noHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let handler = initial;
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
  // Each write goes out at once, so tests that split a body see the split.
  server.on('connection', (socket) => socket.setNoDelay(true));
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

/** Starts a 200 text/event-stream response and sends its headers at once. */
export function sse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.flushHeaders();
}

// ---------------------------------------------------------------- timing

/** Waits ms milliseconds, e.g. long enough for the client to read what was written so far as its own chunk. */
export const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Waits one turn of the event loop. */
export const tick = () => new Promise<void>((done) => setImmediate(done));

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
