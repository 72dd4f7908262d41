// The package ships no types; this is the one entry point scripts/audit-electron.ts calls.
declare module '@doyensec/electronegativity' {
  const run: (options: Record<string, unknown>, forCli?: boolean) => Promise<unknown>;
  export default run;
}
