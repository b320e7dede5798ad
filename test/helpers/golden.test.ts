import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGolden } from './golden';

describe('golden prompt files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a missing golden fails and is not created', () => {
    expect(() => checkGolden('x', '1.0.0', { a: 1 }, { dir, update: false })).toThrow(/missing golden/);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });
  test('a prompt changed without a version change fails, even when updating', () => {
    checkGolden('x', '1.0.0', { a: 1 }, { dir, update: true });
    expect(() => checkGolden('x', '1.0.0', { a: 1 }, { dir, update: false })).not.toThrow();
    expect(() => checkGolden('x', '1.0.0', { a: 2 }, { dir, update: false })).toThrow(/version is still 1.0.0/);
    expect(() => checkGolden('x', '1.0.0', { a: 2 }, { dir, update: true })).toThrow(/version is still 1.0.0/);
  });
  test('a changed prompt with a new version fails until refreshed deliberately', () => {
    checkGolden('x', '1.0.0', { a: 1 }, { dir, update: true });
    expect(() => checkGolden('x', '1.1.0', { a: 2 }, { dir, update: false })).toThrow(/differs from its golden/);
    checkGolden('x', '1.1.0', { a: 2 }, { dir, update: true });
    expect(() => checkGolden('x', '1.1.0', { a: 2 }, { dir, update: false })).not.toThrow();
  });
});
