import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../layers.mjs';

const repo = resolve(import.meta.dirname, '../..');

/** Lints files with the repository's own eslint.config.js, fixtures included, keeping only the folder rules. */
async function boundaryErrors(...files: string[]) {
  const eslint = new ESLint({ cwd: repo, ignore: false, ruleFilter: ({ ruleId }) => ruleId.startsWith('boundaries/') });
  const results = await eslint.lintFiles(files.map((f) => resolve(repo, f)));
  return results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath.slice(repo.length + 1), rule: m.ruleId, line: m.line })));
}

describe('folder rules (server/layers.mjs, enforced by pnpm lint)', () => {
  it('fail a service that imports from http/, and a file in a folder nobody placed; pass the real wiring', async () => {
    const errors = await boundaryErrors(
      'server/src/services/__fixtures__/wrong-arrow.ts',
      'server/src/__fixtures__/unplaced-folder.ts',
      'server/src/app.ts',
      'server/src/services/issuing.ts',
      'server/src/http/ticket-routes.ts',
    );
    expect(errors).toEqual([
      { file: 'server/src/services/__fixtures__/wrong-arrow.ts', rule: 'boundaries/dependencies', line: 3 },
      { file: 'server/src/__fixtures__/unplaced-folder.ts', rule: 'boundaries/no-unknown-files', line: 1 },
    ]);
  }, 120_000);

  it('have no cycle between folders: every arrow points to a folder that cannot reach back', () => {
    const reach = (from: string, seen = new Set<string>()): Set<string> => {
      for (const to of layers[from as keyof typeof layers].may) {
        if (to === '*' || seen.has(to)) continue;
        seen.add(to);
        reach(to, seen);
      }
      return seen;
    };
    const wired = ['root', 'test-support'];
    for (const name of Object.keys(layers).filter((n) => !wired.includes(n))) {
      expect(reach(name).has(name), `${name} reaches itself`).toBe(false);
      expect(reach(name).has('root') || reach(name).has('test-support'), `${name} imports the wiring`).toBe(false);
    }
  });
});
