// A session that sleeps in its only command; cleanup.test.ts interrupts it.
import {runMain} from '../../../tools/core/teardown';
import {runSession} from '../../../tools/transcripts/run';

runMain(async () => {
  await runSession(
    {
      id: 'test/interrupted',
      source: 'tests/integration/transcripts/sleeping-session.ts',
      images: [],
      volatile: [],
      blocks: [{name: 'only', steps: [{command: 'sleep 120', exit: 0}]}],
    },
    (line) => console.log(line),
  );
  return 0;
}, 'sleeping-session');
