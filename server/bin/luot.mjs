#!/usr/bin/env node
// The `luot` command. Runs the compiled server (dist/luot.js, made by `pnpm build`), never TypeScript.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/luot.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('Lượt chưa được build. Chạy "pnpm build" trong thư mục cài đặt rồi thử lại.\nLượt is not built yet. Run "pnpm build" in the installation folder, then try again.');
  process.exit(1);
}
await import(compiled.href);
