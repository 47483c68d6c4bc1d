// A local HTTP server answering with a scripted sequence of responses and remembering every request.
import { createServer } from 'node:http';

/** Starts a server; `respond(request, body, index)` → { status, headers, body }. Returns { url, requests, close }. */
export async function fakeServer(respond) {
  const requests = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      const reply = respond(request, body, requests.length - 1);
      response.writeHead(reply.status ?? 200, reply.headers ?? {});
      response.end(reply.body ?? '');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
