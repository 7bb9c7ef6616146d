#!/usr/bin/env node
// Entry point of `npx revops`. The toolkit is TypeScript that Node 22 runs directly (type
// stripping); the project's own node@22 devDependency puts that Node first on PATH for npm/npx.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `revops needs Node >= 22.18 (this is ${process.version}). Run it through npm so the project's Node is used: \`npx revops ...\` or \`npm start\`.`,
  );
  process.exit(2);
}
const { runCli } = await import('../scripts/cli/main.ts');
await runCli(process.argv.slice(2));
