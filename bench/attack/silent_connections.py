# Silent-connection flood (docs/security.md, "Silent connections"): 32 source addresses x 64 connections that never
# send a byte, reopened when the server closes them, while a victim on another address sends one request per new
# connection; prints the victim's answered share and latency per path. Usage: silent_connections.py PORT [SECONDS]
import asyncio, sys, time, statistics
HOST = "127.0.0.1"; PORT = int(sys.argv[1]); SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 40
ADDRS = [f"127.0.0.{10+i}" for i in range(32)]; PER = 64
opened = 0; closed_by_server = 0; stop = False

async def silent(src):
    global opened, closed_by_server
    while not stop:
        try:
            r, w = await asyncio.open_connection(HOST, PORT, local_addr=(src, 0))
        except OSError:
            await asyncio.sleep(0.05); continue
        opened += 1
        try:
            while not stop:
                try:
                    d = await asyncio.wait_for(r.read(1), 0.5)
                    if d == b"": break
                except asyncio.TimeoutError:
                    continue
        except OSError:
            pass
        closed_by_server += 0 if stop else 1
        w.close()
        await asyncio.sleep(0.05)

async def victim(path, results):
    while not stop:
        t0 = time.monotonic()
        ok = False; status = "conn"
        try:
            r, w = await asyncio.wait_for(asyncio.open_connection(HOST, PORT, local_addr=("127.0.0.2", 0)), 5)
            w.write(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = await asyncio.wait_for(r.read(), 10)
            ok = data.startswith(b"HTTP/1.1 200"); status = data[9:12].decode() or "closed"
            w.close()
        except (OSError, asyncio.TimeoutError):
            pass
        results.append((ok, time.monotonic() - t0, status))
        # Probes once a second, as a load balancer would (faster ones meet the probes' own rate limit).
        await asyncio.sleep(1.0 if path != "/v1/projects" else 0.1)

async def main():
    global stop
    tasks = [asyncio.create_task(silent(a)) for a in ADDRS for _ in range(PER)]
    await asyncio.sleep(5)
    res = {"/healthz": [], "/readyz": [], "/v1/projects": []}
    vt = [asyncio.create_task(victim(p, res[p])) for p in res]
    await asyncio.sleep(SECONDS)
    stop = True
    await asyncio.gather(*vt, return_exceptions=True)
    for t in tasks: t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for p, rs in res.items():
        good = [d for ok, d, _ in rs if ok]; from collections import Counter; fails = Counter(s for ok, _, s in rs if not ok)
        lat = sorted(good)
        q = lambda f: f"{lat[min(len(lat)-1, int(f*len(lat)))]*1000:.1f}" if lat else "-"
        print(f"{p}: {len(good)}/{len(rs)} ok; latency ms p50 {q(0.5)} p99 {q(0.99)} max {q(1.0)}; failures {dict(fails)}")
    print(f"silent connections opened {opened}, closed by server {closed_by_server}")
asyncio.run(main())
