// The floor: the cheapest in-memory call of a Node request listener that still delivers the event as an
// HTTP request with a JSON body. What a hand-written, single-purpose adapter could at best do:
//
// - body: JSON.stringify(event) into one Buffer (any adapter must serialise the event);
// - req: an EventEmitter (not a stream, not an IncomingMessage) with method, url, headers (content-type,
//   content-length), httpVersion, a stub socket; it emits the body as one 'data' chunk and then 'end', on the
//   next tick after the app registers its 'end' listener. Its EventEmitter methods are own properties, so
//   Express's prototype swap (req -> app.request) does not route them to Readable's;
// - res: a plain object capturing statusCode, setHeader/getHeader/writeHead, write and end; end() resolves.
// - result: { statusCode, headers, body (UTF-8 text), isBase64Encoded: false }.
//
// No routing of the event source, no invocation headers, no timeout, no AsyncLocalStorage, no validation of
// header names or values, no 'finish'/'close' events. It handles exactly the apps used here.
import { EventEmitter } from 'node:events';

const emitterOn = EventEmitter.prototype.on;
const emitterMethods = {
  once: EventEmitter.prototype.once,
  off: EventEmitter.prototype.off,
  removeListener: EventEmitter.prototype.removeListener,
  removeAllListeners: EventEmitter.prototype.removeAllListeners,
  listeners: EventEmitter.prototype.listeners,
  listenerCount: EventEmitter.prototype.listenerCount,
  emit: EventEmitter.prototype.emit,
};
const socket = { readable: true, writable: true, remoteAddress: '127.0.0.1', encrypted: false, on() {}, once() {}, removeListener() {}, destroy() {} };

function emitBody(req) {
  req.emit('data', req._body);
  req.complete = true;
  req.readable = false;
  req.emit('end');
}

function floorRequest(method, url, headers, body) {
  const req = new EventEmitter();
  Object.assign(req, emitterMethods);
  req.on = function on(event, listener) {
    emitterOn.call(this, event, listener);
    if (event === 'end' && !this._scheduled) {
      this._scheduled = true;
      process.nextTick(emitBody, this);
    }
    return this;
  };
  req.addListener = req.on;
  req.method = method;
  req.url = url;
  req.headers = headers;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.socket = socket;
  req.connection = socket;
  req.complete = false;
  req.readable = true;
  req._body = body;
  req._scheduled = false;
  return req;
}

function floorResponse(resolve) {
  const headers = Object.create(null);
  const chunks = [];
  const res = {
    statusCode: 200,
    statusMessage: '',
    headersSent: false,
    finished: false,
    writableEnded: false,
    setHeader(name, value) {
      headers[name.toLowerCase()] = value;
      return this;
    },
    getHeader(name) {
      return headers[name.toLowerCase()];
    },
    getHeaders() {
      return headers;
    },
    hasHeader(name) {
      return name.toLowerCase() in headers;
    },
    removeHeader(name) {
      delete headers[name.toLowerCase()];
    },
    writeHead(statusCode, reason, fields) {
      this.statusCode = statusCode;
      const given = typeof reason === 'string' ? fields : reason;
      if (given) for (const name in given) headers[name.toLowerCase()] = given[name];
      this.headersSent = true;
      return this;
    },
    write(chunk) {
      this.headersSent = true;
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return true;
    },
    end(chunk, encoding) {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
      else if (chunk && typeof chunk !== 'function') chunks.push(chunk);
      this.headersSent = true;
      this.finished = this.writableEnded = true;
      const out = {};
      for (const name in headers) out[name] = String(headers[name]);
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      resolve({ statusCode: this.statusCode, headers: out, body: body.toString('utf8'), isBase64Encoded: false });
      return this;
    },
    on() {
      return this;
    },
    once() {
      return this;
    },
    emit() {
      return false;
    },
  };
  return res;
}

/**
 * A handler `(event) => Promise<result>` that POSTs the event's JSON to `path` on `listener`.
 * For Express, pass the app itself (it is a listener).
 */
export function createFloorHandler(listener, path = '/aws.sqs') {
  return function floorHandler(event) {
    const body = Buffer.from(JSON.stringify(event), 'utf8');
    const headers = { host: 'localhost', 'content-type': 'application/json', 'content-length': String(body.length) };
    return new Promise((resolve) => {
      const req = floorRequest('POST', path, headers, body);
      const res = floorResponse(resolve);
      req.res = res;
      res.req = req;
      listener(req, res);
    });
  };
}
