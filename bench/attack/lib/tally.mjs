// What the attackers of one class sent and got: requests, statuses, bytes, GraphQL error codes,
// and the points the server charged them. Points are read from the server's own ledger, the
// RateLimit-Cost header each rate-limited response carries (what that request paid), not
// computed here, so whatever cost model the server uses is what is counted. The budget refills
// continuously, so differences of RateLimit-Remaining would not say what was spent.
//
// A request cut off at the end of a class before its response started never showed its charge:
// those are counted apart (unansweredAtEnd), at most the in-flight cap per address.

/** Points one client address was charged: the sum of RateLimit-Cost over the responses it got. */
class AddressLedger {
  points = 0;

  observe(headers) {
    const cost = Number(headers['ratelimit-cost']);
    if (Number.isFinite(cost)) this.points += cost;
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
  unansweredAtEnd = 0;
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
    if (result.status) this.ledgerOf(address).observe(result.headers);
    else if (result.error === 'aborted') this.unansweredAtEnd++;
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
      unansweredAtEnd: this.unansweredAtEnd,
      addresses: this.addresses.size,
      status5xx: count('5'),
      status429: this.statuses[429] ?? 0,
      notes: this.notes,
    };
  }
}
