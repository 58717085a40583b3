import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanRequestSchema, type ScanMatrix, type ScanRequestInput, type ScanRow } from '../contract/run-ops';
import { ORIGIN_METHODS, PROXY_METHODS, startLab, type Lab } from '../lab/index';
import { previewSender } from './observe';
import { buildScanPlan } from './plan';
import { runScan } from './scan';
import { resolveScanTargets } from './targets';

async function scan(input: ScanRequestInput): Promise<ScanMatrix> {
  const request = scanRequestSchema.parse(input);
  const targets = await resolveScanTargets(request.target, request.headers);
  assert.ok(targets.ok);
  return runScan(buildScanPlan(request, targets.value), { send: previewSender(), scanId: 'lab' });
}

const cell = (row: ScanRow | undefined, method: string) => row?.cells.find((c) => c.method === method);
const kinds = (row: ScanRow | undefined) =>
  (row?.contradictions ?? []).map((c) => `${c.kind}:${c.methods.join(',')}`);

describe('capability scan of the lab (app/lab)', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  it('given /api/users/42, the matrix matches the lab origin: Allow honoured, 405 with Allow, 501 for every method it does not implement', async () => {
    const m = await scan({
      target: { kind: 'urls', urls: [`${lab.originUrl}/api/users/42`] },
      allowUnsafe: true,
      ratePerSecond: 500,
    });
    const row = m.rows[0];
    assert.deepEqual(row?.optionsAllow, ['GET', 'HEAD', 'PATCH', 'OPTIONS']);
    for (const method of m.methods) {
      const c = cell(row, method);
      const implemented = (ORIGIN_METHODS as readonly string[]).includes(method);
      const allowed = row?.optionsAllow?.includes(method) === true;
      const expected: number = !implemented ? 501 : method === 'OPTIONS' ? 204 : allowed ? 200 : 405;
      assert.equal(c?.status, expected, `${method}`);
      if (expected === 405) assert.deepEqual(c?.allow, ['GET', 'HEAD', 'PATCH', 'OPTIONS']);
      if (expected === 501)
        assert.equal(c?.cause, 'method-unsupported', `${method}'s 501 is the server-wide method check`);
    }
    assert.deepEqual(kinds(row), [], 'the lab origin answers this resource by the book');
  });

  it('given the order resource, the refunds stub and the proxy, it flags the lab’s deliberate bugs', async () => {
    const m = await scan({
      target: {
        kind: 'urls',
        urls: [
          `${lab.originUrl}/api/orders/7`,
          `${lab.originUrl}/api/v2/payments/refunds`,
          `${lab.proxyUrl}/api/users/42`,
        ],
      },
      methodSets: ['standard', 'lowercase'],
      allowUnsafe: true,
      ratePerSecond: 500,
    });
    const [orders, refunds, proxied] = m.rows;
    assert.deepEqual(kinds(orders), ['405-without-allow:POST,DELETE,PATCH']);
    assert.deepEqual(kinds(refunds), ['501-on-get-head:GET,HEAD']);
    assert.equal(cell(refunds, 'GET')?.cause, 'endpoint-stub');
    assert.equal(refunds?.optionsAllow, null, 'the stub answers OPTIONS with 501 too, without Allow');
    assert.equal(cell(proxied, 'get')?.status, 501);
    // The proxy forwards only the methods it knows (PROXY_METHODS); any other token it answers itself.
    assert.ok(!(PROXY_METHODS as readonly string[]).includes('get'));
    assert.equal(cell(proxied, 'get')?.cause, 'proxy-originated');
    assert.equal(cell(proxied, 'GET')?.status, 200);
  });
});
