import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planPostgresUser, unreachableMessage } from './postgres-user-plan.ts';

const root = { uid: 0, existing: null, mayCreate: true, useradd: '/usr/sbin/useradd' };

test('not root (or no uids at all): the server runs as whoever runs the sandbox', () => {
  assert.deepEqual(planPostgresUser({ ...root, uid: 1000 }), { kind: 'self' });
  assert.deepEqual(planPostgresUser({ ...root, uid: null }), { kind: 'self' });
});

test('root with a postgres user on the system: that user, nothing created', () => {
  const existing = { uid: 101, gid: 104 };
  assert.deepEqual(planPostgresUser({ ...root, existing }), { kind: 'existing', user: existing });
});

test('root without one: the user is created with useradd', () => {
  assert.deepEqual(planPostgresUser(root), { kind: 'create', useradd: '/usr/sbin/useradd' });
});

test('root, not allowed to add users: a refusal that names the switch and the command to run by hand', () => {
  const plan = planPostgresUser({ ...root, mayCreate: false });
  assert.equal(plan.kind, 'refuse');
  assert.ok(plan.kind === 'refuse');
  assert.match(plan.message, /SANDBOX_CREATE_POSTGRES_USER/);
  assert.match(plan.message, /useradd --system/);
  assert.match(plan.message, /DATABASE_URL/);
});

test('root on a system without useradd: a refusal, not a failed command', () => {
  const plan = planPostgresUser({ ...root, useradd: null });
  assert.equal(plan.kind, 'refuse');
  assert.ok(plan.kind === 'refuse');
  assert.match(plan.message, /no useradd/);
});

test('a "postgres" user that is root in disguise (uid 0) is refused, since the server would refuse it too', () => {
  const plan = planPostgresUser({ ...root, existing: { uid: 0, gid: 0 } });
  assert.equal(plan.kind, 'refuse');
});

test('the unreachable-paths message lists each path and the ways out', () => {
  const message = unreachableMessage('postgres', ['/root/polygram/node_modules/x/bin/postgres']);
  assert.match(message, /\/root\/polygram\/node_modules\/x\/bin\/postgres/);
  assert.match(message, /SANDBOX_POSTGRES_DIR/);
});
