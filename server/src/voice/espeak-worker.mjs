// SPDX-License-Identifier: GPL-3.0-or-later
// eSpeak NG (WebAssembly) on its own thread, so a synthesis never holds the server's event loop.
// Plain JS so the worker needs no TypeScript loader (it runs the same under tsx, vitest and node).
// Protocol (see espeak-synth.ts): out { ready } once compiled; in { id, args } — espeak-ng command-line arguments that write
// out.wav; back { id, wav } with the file's bytes (transferred), or { id, error }.
/* global WebAssembly -- a Node global the repository's list of globals for plain JS lacks */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import ESpeakNg from 'espeak-ng';

// The package runs espeak-ng's main() once per instance. Compiling the 18 MB module once and only
// instantiating it per call halves the time of each synthesis.
const wasmFile = fileURLToPath(new URL('espeak-ng.wasm', import.meta.resolve('espeak-ng')));
const compiled = WebAssembly.compile(await readFile(wasmFile));
// Tells the main thread that jobs from now on run at full speed, so their time limit starts here.
compiled.then(() => parentPort.postMessage({ ready: true }), () => parentPort.postMessage({ ready: true }));

async function synthesize(args) {
  const module = await compiled;
  const messages = [];
  const instance = await ESpeakNg({
    arguments: args,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(module, imports).then(
        (wasm) => receive(wasm, module),
        (error) => messages.push(String(error)),
      );
      return {};
    },
    print: (line) => messages.push(line),
    printErr: (line) => messages.push(line),
  });
  const out = args[args.indexOf('-w') + 1];
  try {
    // A copy that owns its whole buffer, so the buffer can be transferred rather than cloned.
    return instance.FS.readFile(out).slice();
  } catch {
    throw new Error(`espeak-ng wrote no audio${messages.length ? `: ${messages.join(' / ')}` : ''}`);
  }
}

parentPort.on('message', ({ id, args }) => {
  synthesize(args).then(
    (wav) => parentPort.postMessage({ id, wav }, [wav.buffer]),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
