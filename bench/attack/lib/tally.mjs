// What the attackers of one class sent and got: requests, statuses, bytes, GraphQL error codes,
// and the points the server charged them. Points are read from the server's own ledger as the
// RateLimit-* headers report it, not computed here, so whatever cost model the server uses is
// what is counted.

/** Points one client address was charged, over the fixed windows it opened. */
class AddressLedger {
  windows = []; // { endsAt (s), limit, minRemaining }

  /** `ownCost`: points the observed request itself paid that are not the attack's. */
  observe(headers, nowSeconds, ownCost = 0) {
    const limit = Number(headers['ratelimit-limit']);
    const remaining = Number(headers['ratelimit-remaining']) + ownCost;
    const reset = Number(headers['ratelimit-reset']);
    if (!Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(reset)) return;
    const endsAt = nowSeconds + reset;
    // Responses of one window agree on its end to within the header's 1 s resolution (plus the
    // time the response took to arrive); a later window ends at least WindowSeconds later.
    let window = this.windows.find(w => Math.abs(w.endsAt - endsAt) <= 3);
    if (!window) this.windows.push(window = { endsAt, limit, minRemaining: remaining });
    window.minRemaining = Math.min(window.minRemaining, remaining);
  }

  get points() {
    return this.windows.reduce((sum, w) => sum + (w.limit - w.minRemaining), 0);
  }
}

export class Tally {
  requests = 0;
  bytes = 0;
  statuses = {};
  errors = {}; // network-level: timeouts, resets, aborts at the end of the class
  codes = {};  // GraphQL extensions.code values seen
  ledgers = new Map();
  addresses = new Set();
  notes = [];

  /** Records one response from `send`. */
  add(address, result) {
    this.requests++;
    this.addresses.add(address);
    this.bytes += result.bytes;
    if (result.status) this.statuses[result.status] = (this.statuses[result.status] ?? 0) + 1;
    // 'aborted' is the harness ending the class with the request in flight.
    const error = result.error === 'aborted' ? 'in flight at the end' : result.error;
    if (error) this.errors[error] = (this.errors[error] ?? 0) + 1;
    for (const [, code] of `${result.head}${result.tail}`.matchAll(/"code"\s*:\s*"([A-Z_]+)"/g))
      this.codes[code] = (this.codes[code] ?? 0) + 1;
    if (result.status) this.ledgerOf(address).observe(result.headers, Date.now() / 1000);
  }

  /**
   * Reads an address's budget from a cheap request made after its attack ended: a request cut
   * off at the end of a class never showed its charge in a response, but the ledger has it.
   */
  settle(address, result) {
    // A 429 (the address still at its concurrency limit) costs nothing; anything else paid its admission point.
    if (result.status) this.ledgerOf(address).observe(result.headers, Date.now() / 1000, result.status === 429 ? 0 : 1);
  }

  ledgerOf(address) {
    let ledger = this.ledgers.get(address);
    if (!ledger) this.ledgers.set(address, ledger = new AddressLedger());
    return ledger;
  }

  note(text) { this.notes.push(text); }

  /** A plain object that can cross a worker boundary. */
  summary() {
    const count = prefix => Object.entries(this.statuses).filter(([s]) => s.startsWith(prefix)).reduce((n, [, c]) => n + c, 0);
    return {
      requests: this.requests,
      bytes: this.bytes,
      statuses: this.statuses,
      errors: this.errors,
      codes: this.codes,
      points: [...this.ledgers.values()].reduce((sum, l) => sum + l.points, 0),
      addresses: this.addresses.size,
      status5xx: count('5'),
      status429: this.statuses[429] ?? 0,
      notes: this.notes,
    };
  }
}
