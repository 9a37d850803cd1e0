#!/usr/bin/env node
// Launcher for the `firebreak` command: the CLI is TypeScript run by Node's type stripping (Node >= 22.18).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Firebreak needs Node.js 22.18 or newer (this is ${process.version}). Run it through npm (npx firebreak …), which uses the project's pinned Node.`,
  );
  process.exit(1);
}
await import('../src/cli/main.ts');
