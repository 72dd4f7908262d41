// Warns (does not stop) when Node is older than what Electron's tooling declares: Electron 45's
// packages ask for Node 22.12 and may fail in ways that do not mention the version.
const [minimum, what] = process.argv.slice(2);
const parse = (v) => v.replace(/^v/, '').split('.').map(Number);
const [maj, min] = parse(process.version);
const [needMaj, needMin] = parse(minimum ?? '0.0');
if (maj < needMaj || (maj === needMaj && min < needMin)) {
  console.warn(
    `Presswork: ${what} needs Node ${minimum} or newer; this is Node ${process.version.slice(1)}.\n` +
      `If it fails, install Node ${minimum}+ — or use \`npm run web\`, which works on Node 20.19+.`,
  );
}
