// (9) Refused flood: a refusal costs the client nothing but costs the server a request's parse,
// identification, charge and problem body. One address that ignores its 429s and pipelines
// requests on raw keep-alive sockets as fast as they are answered could take a core that way. Its requests ask for
// gzip, as Go's and Python's common clients do: a refusal compressed would cost the server a compressor's set-up.
import net from 'node:net';
import { Tally } from '../lib/tally.mjs';
import { attackers } from '../lib/clients.mjs';

const ADDRESSES = 2;
const SOCKETS_PER_ADDRESS = 32;
const PIPELINED = 32;

export const meta = {
  key: 'refused-flood',
  title: 'Refused flood',
  what: `${ADDRESSES} addresses × ${SOCKETS_PER_ADDRESS} keep-alive sockets, each pipelining GET /v1/meta (gzip accepted) ${PIPELINED} at a time and sending the next ${PIPELINED} once they are answered, 429s ignored`,
};

const REQUEST = 'GET /v1/meta HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAccept-Encoding: gzip, deflate\r\n\r\n';

/** One socket's loop until the deadline: counts each response's status and RateLimit-Cost as it arrives. */
function pipeline({ host, port, address, tally, deadline, signal }) {
  return new Promise(resolve => {
    const socket = net.connect({ host, port, localAddress: address });
    let carry = '';
    let awaiting = 0;
    const batch = REQUEST.repeat(PIPELINED);
    const finish = () => { socket.destroy(); resolve(); };
    const sendBatch = () => {
      if (Date.now() >= deadline || signal.aborted) return finish();
      awaiting += PIPELINED;
      socket.write(batch);
    };
    socket.setNoDelay(true);
    socket.on('connect', sendBatch);
    socket.on('data', chunk => {
      tally.bytes += chunk.length;
      // A status line or header may be split between chunks: the last 64 characters, and a match that reaches
      // into them, are read again with the next chunk. (A response is longer than 64 characters, so a batch's
      // last status line is counted once its response has arrived.)
      const text = carry + chunk.toString('latin1');
      const safe = Math.max(0, text.length - 64);
      let keepFrom = safe;
      for (const match of text.matchAll(/HTTP\/1\.1 (\d{3})|ratelimit-cost: (\d+)/gi)) {
        if (match.index + match[0].length > safe) { keepFrom = Math.min(keepFrom, match.index); break; }
        if (match[1]) {
          tally.requests++;
          tally.statuses[match[1]] = (tally.statuses[match[1]] ?? 0) + 1;
          awaiting--;
        } else {
          tally.ledgerOf(address).points += Number(match[2]);
        }
      }
      carry = text.slice(keepFrom);
      if (awaiting <= 0) sendBatch();
    });
    socket.on('error', error => { tally.errors[error.code ?? 'error'] = (tally.errors[error.code ?? 'error'] ?? 0) + 1; finish(); });
    socket.on('close', finish);
    signal.addEventListener('abort', finish, { once: true });
    setTimeout(finish, Math.max(0, deadline - Date.now()) + 100);
  });
}

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  const { hostname: host, port } = new URL(base);
  await Promise.all(attackers(ADDRESSES).flatMap(address => {
    tally.addresses.add(address);
    return Array.from({ length: SOCKETS_PER_ADDRESS }, () => pipeline({ host, port: Number(port), address, tally, deadline, signal }));
  }));
  tally.note(`responses counted as their status lines arrived; ${tally.requests} in all`);
  return tally.summary();
}
