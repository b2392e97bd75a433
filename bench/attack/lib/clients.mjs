// Who is who on loopback: attackers take 127.0.0.2 upwards, the victim 127.0.1.1 upwards,
// the harness itself (calibration, warming the cache) 127.0.0.250 and, for checks of what the
// cache holds, 127.0.2.1 upwards; a rehearsal of a class (--rehearse) attacks from 127.0.3.102
// upwards. The server listens on 127.0.0.1; nothing leaves the machine.
import { send } from './http.mjs';

export const MAX_ATTACKERS = 150;
const ATTACK = { network: '127.0.0', first: 2 };
// Another network, so the rehearsal spends none of the attackers' budgets, and other last octets, so a class whose
// requests vary with its addresses' last octet sends other requests (and finds none of them cached).
export const REHEARSAL = { network: '127.0.3', first: 102 };
let attackFrom = ATTACK;
/** Makes this thread's attackers the rehearsal's (`REHEARSAL`). */
export const rehearse = () => { attackFrom = REHEARSAL; };
export const attacker = i => {
  if (i < 0 || i >= MAX_ATTACKERS) throw new Error(`attacker ${i} out of range`);
  return `${attackFrom.network}.${attackFrom.first + i}`;
};
export const attackers = n => Array.from({ length: n }, (_, i) => attacker(i));
export const victims = n => {
  if (n > 250) throw new Error(`${n} victim addresses: at most 250`);
  return Array.from({ length: n }, (_, i) => `127.0.1.${1 + i}`);
};
export const HARNESS = '127.0.0.250';
// One address per check, so that checking many answers never meets the budget of one address: a cached answer is
// charged by its size, and a check refused with a 429 would look like an answer the cache had lost.
export const observer = i => {
  if (i < 0 || i >= 250) throw new Error(`observer ${i} out of range`);
  return `127.0.2.${1 + i}`;
};

const sleep = (ms, signal) => new Promise(resolve => {
  if (signal?.aborted) return resolve();
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/**
 * Runs `perAddress` request loops from each of `addresses` until `deadline` (ms since epoch) or
 * `signal`. `next(address, n)` gives the n-th request of that loop (a `send` options object
 * without base/address/signal). Each attacker stays inside its own budget the way a careful
 * client would: a 429 is answered by waiting its Retry-After (capped at the deadline).
 */
export async function flood({ base, addresses, perAddress, next, tally, deadline, signal, timeoutMs }) {
  const loop = async (address, lane) => {
    for (let n = lane; Date.now() < deadline && !signal.aborted; n += perAddress) {
      const result = await send({ timeoutMs, ...next(address, n), base, address, signal });
      tally.add(address, result);
      if (result.status === 429) {
        const wait = Number(result.headers['retry-after'] ?? 1) * 1000;
        await sleep(Math.min(wait, Math.max(0, deadline - Date.now())), signal);
      } else if (result.error && result.error !== 'aborted') {
        await sleep(100, signal); // a refused connection should not become a busy loop
      }
    }
  };
  await Promise.all(addresses.flatMap(address => Array.from({ length: perAddress }, (_, lane) => loop(address, lane))));
}
