#!/usr/bin/env node
// Adds lockfile entries for optional platform packages (Biome's and msgpackr's binaries for macOS, Windows,
// musl...) that npm left out. Our build machines reach a registry mirror that serves only linux-x64/arm64
// builds, so npm cannot resolve the others and omits them; `npm ci` then refuses the lockfile as out of sync.
// The entries carry only version, os, cpu and libc: npm skips them on other platforms without fetching, and
// resolves them from the real registry where they apply. Run after any `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const PLATFORM =
  /-(android|darwin|linux|win32|freebsd|openbsd|netbsd|sunos|aix)-(x64|arm64|arm|ia32|riscv64|ppc64|s390x|loong64)(?:-(musl|gnu|gnueabihf|msvc))?$/;

let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = key === '' ? `node_modules/${name}` : `${key}/node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const platform = PLATFORM.exec(name);
    if (!platform) {
      console.error(`cannot infer the platform of ${name}; add it by hand`);
      process.exitCode = 1;
      continue;
    }
    const [, os, cpu, libc] = platform;
    packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~=]/, ''),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc === 'musl' ? { libc: ['musl'] } : {}),
    };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
