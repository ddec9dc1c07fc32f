/**
 * The socket an in-memory request and response report. Apps read `remoteAddress`, `encrypted` and
 * `remotePort`, and call `setTimeout`, `setNoDelay`, `on('close')`, `destroy`...; nothing is ever written
 * to it: the response captures its body itself.
 *
 * Listener methods are no-ops on purpose: the default socket is shared by every request, and a real
 * emitter would collect the listeners each request adds (a leak and a MaxListeners warning). A socket of
 * an in-memory request never closes, errors or times out, so nothing is lost by not keeping them.
 */
function returnThis<T>(this: T): T {
  return this;
}

const socketPrototype = {
  remoteAddress: '127.0.0.1',
  remoteFamily: 'IPv4',
  remotePort: 0,
  localAddress: '127.0.0.1',
  localPort: 0,
  encrypted: undefined as true | undefined,
  // on-finished (body-parser 2, Express 5) treats a request whose socket is not readable as already read.
  readable: true,
  writable: true,
  destroyed: false,
  writableLength: 0,
  readableHighWaterMark: 16_384,
  writableHighWaterMark: 16_384,
  bytesRead: 0,
  bytesWritten: 0,
  address(): { address: string; family: string; port: number } {
    return { address: '127.0.0.1', family: 'IPv4', port: 0 };
  },
  on: returnThis,
  once: returnThis,
  addListener: returnThis,
  prependListener: returnThis,
  prependOnceListener: returnThis,
  off: returnThis,
  removeListener: returnThis,
  removeAllListeners: returnThis,
  setMaxListeners: returnThis,
  emit(): boolean {
    return false;
  },
  listeners(): never[] {
    return [];
  },
  listenerCount(): number {
    return 0;
  },
  setTimeout: returnThis,
  setNoDelay: returnThis,
  setKeepAlive: returnThis,
  setEncoding: returnThis,
  pause: returnThis,
  resume: returnThis,
  ref: returnThis,
  unref: returnThis,
  end: returnThis,
  destroy: returnThis,
  cork(): void {},
  uncork(): void {},
  write(): boolean {
    return true;
  },
};

/** The socket type apps see: the plain members above. */
export type InMemorySocket = typeof socketPrototype;

const defaultSocket: InMemorySocket = Object.create(socketPrototype) as InMemorySocket;
const defaultSecureSocket: InMemorySocket = Object.assign(Object.create(socketPrototype) as InMemorySocket, { encrypted: true });

/**
 * The socket of a request from `remoteAddress` (shared for the default `127.0.0.1`), `encrypted` when
 * the request came over TLS: Express (`req.secure`, `req.protocol`) and Koa (`ctx.protocol`) read that
 * member, as a TLSSocket has it.
 *
 * @example
 * createSocket('203.0.113.7').remoteAddress; // '203.0.113.7'
 * createSocket(undefined, true).encrypted;    // true
 */
export function createSocket(remoteAddress?: string, secure = false): InMemorySocket {
  if (remoteAddress === undefined || remoteAddress === '127.0.0.1') return secure ? defaultSecureSocket : defaultSocket;
  const socket = Object.create(socketPrototype) as InMemorySocket;
  socket.remoteAddress = remoteAddress;
  if (remoteAddress.includes(':')) socket.remoteFamily = 'IPv6';
  if (secure) socket.encrypted = true;
  return socket;
}
