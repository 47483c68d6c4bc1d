// An independent SigV4 computation (AWS's documented algorithm), used only to check what the drill sends.
import { createHash, createHmac } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/** The signature the Authorization header of a POST / request must carry. */
export function expectedSignature({ headers, body, secretAccessKey, region, service }) {
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(headers.authorization)[1].split(';');
  const amzDate = headers['x-amz-date'];
  const canonicalRequest = [
    'POST', '/', '',
    ...signedHeaders.map((name) => `${name}:${String(headers[name]).trim()}`), '',
    signedHeaders.join(';'),
    sha256(body),
  ].join('\n');
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = ['aws4_request'].reduce((k, part) => hmac(k, part),
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, amzDate.slice(0, 8)), region), service));
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}
