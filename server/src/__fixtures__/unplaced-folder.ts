// Lint fixture for layers.test.ts: a file in a folder server/layers.mjs does not place. Excluded from the normal
// lint run (eslint.config.js ignores __fixtures__); never imported by the server.
export const unplaced = true;
