/**
 * Kills the host (the bridge, as its own process) with SIGKILL in the middle of writes, several
 * times on the same data folder, then checks the database is intact and holds every visit whose
 * create call had answered ok.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { TOKEN_HEADER } from '../../../electron/bridge/server.ts';
import { DATABASE_FILE } from '../../../electron/services/storage/database.ts';
import { removeDataDir, startBridgeProcess, type BridgeProcess } from '../../support/bridge-process.ts';
import { REPO_ROOT } from '../../support/videos.ts';

const ROUNDS = 5;
const IN_FLIGHT = 6;

async function call(bridge: BridgeProcess, channel: string, arg: unknown): Promise<{ ok: boolean; value?: { id: string } }> {
  const response = await fetch(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: bridge.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(arg),
  });
  return (await response.json()) as { ok: boolean; value?: { id: string } };
}

test('killing the host during writes leaves the database intact with every committed visit', async (t) => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'renderer', 'index.html'))) {
    const reason = 'the app is not built (the bridge serves dist/renderer): run "npm run build" first';
    console.log(`SKIP: ${reason}`);
    return t.skip(reason);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-kill-'));
  t.after(() => removeDataDir(dataDir));
  const committed: string[] = [];
  let attempted = 0;

  for (let round = 0; round < ROUNDS; round++) {
    const bridge = await startBridgeProcess(dataDir);
    const exited = new Promise((resolve) => bridge.process.once('exit', resolve));
    const client = await call(bridge, 'clients.create', { name: `Round ${round}`, dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
    assert.ok(client.ok, 'the host answers after the previous kill');
    let killed = false;
    const writer = async (lane: number) => {
      for (let n = 0; !killed; n++) {
        attempted++;
        const visit = await call(bridge, 'visits.create', {
          clientId: client.value!.id,
          visitDate: '2026-11-20',
          reason: `lane ${lane} visit ${n}`,
          notes: 'n'.repeat(1000 + ((lane * 977 + n * 131) % 15000)),
        }).catch(() => null);
        if (visit?.ok) committed.push(visit.value!.id);
      }
    };
    const lanes = Array.from({ length: IN_FLIGHT }, (_, lane) => writer(lane));
    await new Promise((resolve) => setTimeout(resolve, 150 + round * 70));
    bridge.process.kill('SIGKILL');
    killed = true;
    await Promise.all(lanes);
    await exited;
  }

  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  try {
    assert.deepEqual(db.prepare('PRAGMA integrity_check').all().map((row) => row.integrity_check), ['ok']);
    assert.equal(db.prepare('PRAGMA foreign_key_check').all().length, 0);
    const stored = new Set((db.prepare('SELECT id FROM visits').all() as { id: string }[]).map((row) => row.id));
    const lost = committed.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], 'every visit whose create call answered ok is present');
    assert.ok(committed.length > ROUNDS * 10, `enough writes were committed to mean something (${committed.length})`);
    console.log(`${ROUNDS} kills: ${committed.length} visits committed of ${attempted} attempted, ${stored.size} stored, database intact`);
  } finally {
    db.close();
  }
});
