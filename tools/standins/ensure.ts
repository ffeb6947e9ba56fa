// Makes images present through the stand-in logic, e.g. before tests/images/verify.sh:
//   npx tsx tools/standins/ensure.ts nginx:1.27 mysql:8.4
// Prints, per reference, whether it is the real image or a stand-in, and how long it took.
import {ensureImage} from './standins';

const refs = process.argv.slice(2);
if (refs.length === 0) {
  console.error('usage: tsx tools/standins/ensure.ts IMAGE_REF…');
  process.exit(2);
}

async function main(): Promise<number> {
  const started = Date.now();
  let failed = false;
  for (const ref of refs) {
    const t0 = Date.now();
    try {
      const r = await ensureImage(ref, (line) => console.log(`  ${line}`));
      const what = r.standin ? `stand-in, ${r.built ? 'built' : 'reused'}` : 'real image';
      console.log(`${ref}: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed = true;
      console.error(`${ref}: FAILED: ${(err as Error).message}`);
    }
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
