/**
 * A replay server: a raw TCP server on 127.0.0.1 that answers each request as a recorded corpus server
 * did, by finding the recorded exchange of the same server and role with the same method, path and
 * protocol features, and writing its response bytes back verbatim.
 *
 * Paths it has no recording for (a probe's random sibling path) are answered as the server answered
 * the path that best stands for "some other resource" and has a recording for that request: a recorded
 * absent path (GET gave 404) first, then other paths whose GET did not fail with 501, then the rest,
 * then the primary path itself. Requests it
 * has no recording for at all (OPTIONS *, a method never recorded) get the connection closed without an
 * answer, which the probe records as a transport failure: the simulation never invents a response.
 */
import { startRawServer, type RawRequestSeen, type RawServer } from '../../testing/servers';
import { responseBytes, type CorpusCase } from './corpus';

interface RequestKey {
  method: string;
  target: string;
  version: string;
  te: string;
  expect: string;
  ce: string;
}

function keyOf(head: string): RequestKey {
  const lines = head.split('\r\n');
  const [method = '', target = '', version = ''] = (lines[0] ?? '').split(' ');
  const field = (name: string) =>
    lines
      .slice(1)
      .filter((l) => l.toLowerCase().startsWith(`${name}:`))
      .map((l) =>
        l
          .slice(name.length + 1)
          .trim()
          .toLowerCase(),
      )
      .join(', ');
  return {
    method,
    target,
    version,
    te: field('transfer-encoding'),
    expect: field('expect'),
    ce: field('content-encoding'),
  };
}

function headOf(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  return end < 0 ? raw : raw.slice(0, end);
}

export interface ReplayServer extends RawServer {
  /** The path of the case being diagnosed: other paths are its siblings. */
  setPrimary(path: string): void;
  /** Requests that had no recording (answered by closing the connection). */
  unanswered: string[];
}

export async function startReplayServer(cases: readonly CorpusCase[]): Promise<ReplayServer> {
  const recorded = cases.map((c) => ({ c, key: keyOf(headOf(c.request)) }));
  const paths = [...new Set(recorded.map((r) => r.key.target))];
  const getStatus = (path: string) =>
    recorded.find(
      (r) =>
        r.key.target === path && r.key.method === 'GET' && r.key.te === '' && r.key.version === 'HTTP/1.1',
    )?.c.status;
  let primary = paths[0] ?? '/';
  const unanswered: string[] = [];

  /** Paths standing for "another resource on this server", best first. */
  function standIns(): string[] {
    const others = paths.filter((p) => p !== primary);
    const rank = (p: string) => {
      const st = getStatus(p);
      return st === 404 ? 0 : st !== undefined && st !== 501 ? 1 : st === undefined ? 2 : 3;
    };
    return [...others.sort((a, b) => rank(a) - rank(b)), primary];
  }

  function find(req: RequestKey): CorpusCase | null {
    const targets = paths.includes(req.target) ? [req.target] : req.target.startsWith('/') ? standIns() : [];
    for (const target of targets) {
      const hit = findAt(target, req);
      if (hit) return hit;
    }
    return null;
  }

  function findAt(target: string, req: RequestKey): CorpusCase | null {
    const sameMethod = recorded.filter((r) => r.key.target === target && r.key.method === req.method);
    // Exact features first, then relax the least telling ones (version, expectation, coding) before the transfer coding.
    const tiers: ((k: RequestKey) => boolean)[] = [
      (k) => k.te === req.te && k.expect === req.expect && k.ce === req.ce && k.version === req.version,
      (k) => k.te === req.te && k.expect === req.expect && k.ce === req.ce,
      (k) => k.te === req.te && k.ce === req.ce,
      (k) => k.te === req.te,
    ];
    for (const tier of tiers) {
      const hit = sameMethod.find((r) => tier(r.key));
      if (hit) return hit.c;
    }
    return null;
  }

  const server = await startRawServer((seen: RawRequestSeen, socket) => {
    const key = keyOf(seen.head.replace(/\r\n\r\n$/, ''));
    const c = find(key);
    if (!c) {
      unanswered.push(seen.requestLine);
      socket.end();
      return;
    }
    socket.end(responseBytes(c));
  });
  return Object.assign(server, {
    setPrimary(path: string) {
      primary = path;
    },
    unanswered,
  });
}
