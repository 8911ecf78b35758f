import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels, contract } from '../../../shared/contract/api.ts';
import { createDispatch } from '../../../shared/contract/dispatch.ts';
import { openServices } from '../../../electron/services/services.ts';

function setup(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-dispatch-'));
  const services = openServices(dir, { transport: 'http', appVersion: 'test' });
  t.after(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { services, dispatch: createDispatch(services.handlers) };
}

test('every channel of the contract has a schema and a handler', (t) => {
  const { services } = setup(t);
  assert.ok(channels.length >= 10);
  for (const channel of channels) {
    assert.equal(typeof contract[channel].input.safeParse, 'function', channel);
    assert.equal(typeof services.handlers[channel], 'function', channel);
  }
  assert.deepEqual(Object.keys(services.handlers).sort(), [...channels].sort());
});

const badCalls: [string, unknown, RegExp][] = [
  ['clients.create', { name: '', dateOfBirth: null, heightCm: null, notes: '' }, /needs a name.*\(name\)/],
  ['clients.create', { name: 'Ann', dateOfBirth: '2026-13-01', heightCm: null, notes: '' }, /\(dateOfBirth\)/],
  ['clients.create', { name: 'Ann', dateOfBirth: null, heightCm: 17, notes: '' }, /between 50 and 250 cm.*\(heightCm\)/],
  ['clients.create', { name: 'Ann', dateOfBirth: null, heightCm: '170', notes: '' }, /\(heightCm\)/],
  ['clients.create', { name: 'Ann', dateOfBirth: null, heightCm: null, notes: '', admin: true }, /admin/],
  ['clients.create', 'Ann', /./],
  ['visits.create', { clientId: 'not-a-uuid', visitDate: '2026-01-01', reason: '', notes: '' }, /record id is not valid/],
  ['visits.attachVideo', { visitId: crypto.randomUUID(), source: { kind: 'url', url: 'http://x' } }, /\(source/],
  ['clients.drop', {}, /Unknown request "clients.drop"/],
];

for (const [channel, arg, message] of badCalls) {
  test(`${channel} with bad arguments ${JSON.stringify(arg)} gets a clear error and writes nothing`, async (t) => {
    const { dispatch, services } = setup(t);
    const result = await dispatch(channel, arg);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'invalid-argument');
    assert.match(result.error.message, message);
    const count = (table: string) =>
      services.database.read((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    assert.equal(count('clients'), 0);
    assert.equal(count('visits'), 0);
  });
}

test('a handler error becomes a result, not a throw', async (t) => {
  const { dispatch } = setup(t);
  const result = await dispatch('clients.get', { id: crypto.randomUUID() });
  assert.deepEqual(result, { ok: false, error: { code: 'not-found', message: 'This client no longer exists.' } });
});

test('good arguments are trimmed and stored', async (t) => {
  const { dispatch } = setup(t);
  const created = await dispatch('clients.create', { name: '  Ann Runner ', dateOfBirth: '1990-05-01', heightCm: 171.5, notes: '' });
  assert.equal(created.ok, true);
  if (!created.ok) return;
  assert.equal((created.value as { name: string }).name, 'Ann Runner');
  const listed = await dispatch('clients.list', {});
  assert.equal(listed.ok && (listed.value as unknown[]).length, 1);
});
