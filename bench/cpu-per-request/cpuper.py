#!/usr/bin/env python3
"""CPU per request of a running API and of its Postgres, from /proc, for one POST body sent over keep-alive.

    cpuper.py --pid <API pid> --pgdata <Postgres data directory> --body <request.json> [--n 2000] [--connections 4]
              [--url http://127.0.0.1:5080/graphql]

Reads utime+stime of the API process, and of the postmaster and its children (the backends; the children that exited
are in the postmaster's cutime/cstime), before and after N requests (after 50 of warm-up), and prints milliseconds of
CPU per request for each. Requests/s on a shared machine say little; CPU per request says what a change costs.
Run it several times, alternating the builds compared, and compare medians.
"""
import argparse
import http.client
import os
import threading
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument('--pid', type=int, required=True)
parser.add_argument('--pgdata', required=True)
parser.add_argument('--body', required=True)
parser.add_argument('--n', type=int, default=2000)
parser.add_argument('--connections', type=int, default=4)
parser.add_argument('--url', default='http://127.0.0.1:5080/graphql')
args = parser.parse_args()
body = open(args.body, 'rb').read()
url = urllib.parse.urlsplit(args.url)
ticks = os.sysconf('SC_CLK_TCK')


def times(pid):
    """(own utime+stime, reaped children's cutime+cstime) in clock ticks."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def postgres_ticks():
    with open(os.path.join(args.pgdata, 'postmaster.pid')) as f:
        postmaster = int(f.readline())
    own, reaped = times(postmaster)
    total = own + reaped
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                parent = int(f.read().rsplit(')', 1)[1].split()[1])
            if parent == postmaster:
                total += times(int(entry))[0]
        except (OSError, ValueError):
            pass  # a backend that ended meanwhile
    return total


def send(count, failures):
    connection = http.client.HTTPConnection(url.hostname, url.port or 80)
    for _ in range(count):
        connection.request('POST', url.path, body, {'content-type': 'application/json'})
        response = connection.getresponse()
        answer = response.read()
        if response.status != 200 or b'"errors"' in answer:
            failures.append(answer[:300])
    connection.close()


failures = []
send(50, failures)
api0, pg0, t0 = times(args.pid)[0], postgres_ticks(), time.time()
threads = [threading.Thread(target=send, args=(args.n // args.connections, failures)) for _ in range(args.connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
api1, pg1, t1 = times(args.pid)[0], postgres_ticks(), time.time()
per = 1000 / ticks / args.n
print(f'api {(api1 - api0) * per:.3f} ms  postgres {(pg1 - pg0) * per:.3f} ms  per request; '
      f'wall {(t1 - t0) / args.n * 1000:.2f} ms; failed {len(failures)} {failures[:1]}')
