import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths.ts';
import { VERSION } from './version.ts';

describe('the version', () => {
  it('is the same in the code, the root package.json and the top entry of CHANGELOG.md', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(VERSION);
    const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
    expect(/^## \[?(\d+\.\d+\.\d+)/m.exec(changelog)?.[1]).toBe(VERSION);
  });
});
