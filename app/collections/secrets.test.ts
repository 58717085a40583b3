import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { environmentFileSchema } from '../contract/collection';
import { findEnvironment, listEnvironments, saveEnvironment } from './environments';
import { FileSecretStore, variablesFromEnv, type SecretCipher } from './secrets';
import { copySample, tempDir } from './test-support';

/** A reversible stand-in for Electron's safeStorage (the interface is the same: string ⇄ Buffer). */
const xorCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('secrets', () => {
  it('given a secret set for a collection and an environment, it keeps them apart in <dataDir>/secrets.json with mode 0600 and lists names only', async () => {
    const data = await tempDir();
    try {
      const store = new FileSecretStore(data.dir);
      const root = '/work/c';
      assert.ok((await store.set({ root }, 'token', 'collection-token')).ok);
      assert.ok((await store.set({ root, environment: 'staging' }, 'token', 'staging-token')).ok);
      assert.deepEqual(await store.values({ root }), { ok: true, value: { token: 'collection-token' } });
      assert.deepEqual(await store.values({ root, environment: 'staging' }), {
        ok: true,
        value: { token: 'staging-token' },
      });
      assert.deepEqual(await store.names({ root, environment: 'staging' }), { ok: true, value: ['token'] });
      const file = path.join(data.dir, 'secrets.json');
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.deepEqual(await store.delete({ root }, 'token'), { ok: true, value: { deleted: true } });
      assert.deepEqual(await store.delete({ root }, 'token'), { ok: true, value: { deleted: false } });
      assert.deepEqual(await store.values({ root }), { ok: true, value: {} });
    } finally {
      await data.cleanup();
    }
  });

  it('given a cipher (Electron safeStorage), it stores ciphertext only, and a store without the cipher refuses to read it', async () => {
    const data = await tempDir();
    try {
      const root = '/work/c';
      await new FileSecretStore(data.dir).set({ root }, 'early', 'plain-before-cipher');
      const store = new FileSecretStore(data.dir, xorCipher);
      await store.set({ root }, 'apiKey', 'k-123456');
      const text = await readFile(path.join(data.dir, 'secrets.json'), 'utf8');
      assert.ok(!text.includes('k-123456') && !text.includes('plain-before-cipher'), text);
      assert.deepEqual(await store.values({ root }), {
        ok: true,
        value: { early: 'plain-before-cipher', apiKey: 'k-123456' },
      });
      const locked = await new FileSecretStore(data.dir).values({ root });
      assert.equal(locked.ok ? 'ok' : locked.error.code, 'secrets.locked');
    } finally {
      await data.cleanup();
    }
  });

  it('given STATUSCOPE_VAR_ entries in a process environment, it reads exactly those', () => {
    assert.deepEqual(
      variablesFromEnv({
        STATUSCOPE_VAR_token: 't',
        STATUSCOPE_VAR_: 'x',
        HOME: '/h',
        STATUSCOPE_VAR_base_url: undefined,
      }),
      { token: 't' },
    );
  });
});

describe('environments', () => {
  it('given a saved environment with a secret value, it writes the file without the value and returns the value for the SecretStore', async () => {
    const t = await copySample();
    try {
      const env = environmentFileSchema.parse({
        name: 'Staging EU',
        variables: [
          { name: 'baseUrl', value: 'https://staging.example' },
          { name: 'password', value: 'hunter2', secret: true },
        ],
      });
      const saved = await saveEnvironment(t.root, env, undefined, undefined);
      assert.ok(saved.ok);
      assert.equal(saved.value.path, 'environments/staging-eu.yaml');
      assert.deepEqual(saved.value.secrets, [{ name: 'password', value: 'hunter2' }]);
      const text = await readFile(path.join(t.root, saved.value.path), 'utf8');
      assert.ok(!text.includes('hunter2'));
      assert.match(text, /- name: password\n {4}secret: true\n/);
      const listed = await listEnvironments(t.root);
      assert.ok(listed.ok);
      assert.deepEqual(
        listed.value.environments.map((e) => e.name),
        ['local', 'Staging EU'],
      );
      const found = await findEnvironment(t.root, 'Staging EU');
      assert.ok(found.ok);
      const edited = await saveEnvironment(
        t.root,
        { ...found.value.environment, name: 'Staging EU' },
        found.value.path,
        'sha256:stale',
      );
      assert.equal(edited.ok ? 'ok' : edited.error.code, 'collection.conflict');
      const outside = await saveEnvironment(t.root, env, 'users/env.yaml', undefined);
      assert.equal(outside.ok ? 'ok' : outside.error.code, 'collection.reserved-path');
      const missing = await findEnvironment(t.root, 'prod');
      assert.match(missing.ok ? '' : missing.error.message, /there are: local, Staging EU/);
    } finally {
      await t.cleanup();
    }
  });
});
