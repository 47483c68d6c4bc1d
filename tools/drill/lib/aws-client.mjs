// @ts-check
// A minimal AWS client for the two calls the drill itself makes to the lab, as AWS services would receive them:
// SNS Publish (awsQuery) for the state machines' sns:publish Tasks and Step Functions StartExecution
// (awsJson1_0) for the executions the drill runs. Requests are signed with SigV4 by @smithy/signature-v4.
import { createHash, createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { SignatureV4 } from '@smithy/signature-v4';

const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'Throttled', 'TooManyRequestsException', 'RequestLimitExceeded',
]);

/** An HMAC key as node:crypto takes it. @param {import('@smithy/types').SourceData} data */
function keyBytes(data) {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

/** SHA-256 and HMAC-SHA-256 for @smithy/signature-v4, on node:crypto. */
class NodeSha256 {
  /** @param {import('@smithy/types').SourceData} [secret] */
  constructor(secret) {
    this.secret = secret;
    /** @type {import('node:crypto').Hash | import('node:crypto').Hmac} */
    this.hash = this.reset();
  }

  update(data) {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  async digest() {
    return new Uint8Array(this.hash.digest());
  }

  reset() {
    this.hash = this.secret ? createHmac('sha256', keyBytes(this.secret)) : createHash('sha256');
    return this.hash;
  }
}

/** An error answered by the service (or a network failure), with the AWS error code. */
export class AwsError extends Error {
  /** @param {string} code @param {string} message @param {{ status?: number, requestId?: string, retryable: boolean }} details */
  constructor(code, message, { status, requestId, retryable }) {
    super(`${code}: ${message}`);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
    this.retryable = retryable;
  }
}

/** Reads the Code, Message and RequestId of an awsQuery ErrorResponse. */
export function parseQueryError(xml) {
  return {
    code: xmlText(xml, 'Code') ?? 'UnknownError',
    message: xmlText(xml, 'Message') ?? xml.slice(0, 200),
    requestId: xmlText(xml, 'RequestId'),
  };
}

/** The text of the first `<tag>` element of an XML document, entities decoded, or undefined. */
export function xmlText(xml, tag) {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? decodeXml(match[1]) : undefined;
}

function decodeXml(text) {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Reads the error code (after '#') and message of an awsJson error body. */
export function parseJsonError(text) {
  try {
    const body = JSON.parse(text);
    const type = String(body.__type ?? 'UnknownError');
    return { code: type.slice(type.lastIndexOf('#') + 1), message: body.message ?? body.Message ?? '' };
  } catch {
    return { code: 'UnknownError', message: text.slice(0, 200) };
  }
}

export class AwsClient {
  /**
   * `endpoint`: base URL (the lab's); `credentials`: { accessKeyId, secretAccessKey };
   * `maxAttempts`: like the SDKs' standard retry mode, for throttling, 5xx and network errors.
   */
  constructor({ endpoint, credentials, maxAttempts = 4, sleep = delay, random = Math.random }) {
    this.endpoint = new URL(endpoint);
    this.credentials = credentials;
    this.maxAttempts = maxAttempts;
    this.sleep = sleep;
    this.random = random;
    this.signers = new Map();
  }

  /** awsQuery POST; returns the response XML. */
  async query(service, region, parameters) {
    const body = new URLSearchParams(parameters).toString();
    return this.send(service, region, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body, parseQueryError);
  }

  /** awsJson POST (1.0, or 1.1 for SSM) with `X-Amz-Target: target`; returns the parsed response. */
  async json(service, region, target, payload, version = '1.0') {
    const headers = { 'content-type': `application/x-amz-json-${version}`, 'x-amz-target': target };
    return JSON.parse(await this.send(service, region, headers, JSON.stringify(payload), parseJsonError));
  }

  /** restXml request (Route 53); returns the response XML. `path` may carry a query string. */
  async restXml(service, region, method, path, body = '') {
    const headers = body ? { 'content-type': 'application/xml' } : {};
    return this.send(service, region, headers, body, parseQueryError, { method, path });
  }

  async send(service, region, headers, body, parseError, target = { method: 'POST', path: '/' }) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendOnce(service, region, headers, body, parseError, target);
      } catch (error) {
        if (!(error instanceof AwsError) || !error.retryable || attempt >= this.maxAttempts) throw error;
        await this.sleep(this.random() * Math.min(2000, 100 * 2 ** attempt));
      }
    }
  }

  async sendOnce(service, region, headers, body, parseError, { method, path } = { method: 'POST', path: '/' }) {
    const url = new URL(path, this.endpoint);
    const request = {
      method,
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      port: this.endpoint.port ? Number(this.endpoint.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...headers, host: this.endpoint.host },
      body,
    };
    const signed = await this.signer(service, region).sign(request);
    const { host: _host, ...sendHeaders } = signed.headers;
    let response;
    try {
      response = await fetch(url, { method, headers: sendHeaders, body: method === 'GET' || method === 'DELETE' ? undefined : body });
    } catch (error) {
      throw new AwsError('NetworkError', error.cause?.message ?? error.message, { retryable: true });
    }
    const text = await response.text();
    if (response.ok) return text;
    const { code, message, requestId } = parseError(text);
    const retryable = response.status >= 500 || response.status === 429 || THROTTLING_CODES.has(code);
    throw new AwsError(code, message, { status: response.status, requestId, retryable });
  }

  signer(service, region) {
    const key = `${service}/${region}`;
    if (!this.signers.has(key)) {
      this.signers.set(key, new SignatureV4({ credentials: this.credentials, region, service, sha256: NodeSha256 }));
    }
    return this.signers.get(key);
  }
}
