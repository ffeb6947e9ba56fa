// A session that sleeps in its only command; cleanup.test.ts interrupts it.
import {runSession} from '../../../tools/transcripts/run';

void runSession(
  {id: 'test/interrupted', source: 'tests/integration/transcripts/sleeping-session.ts', images: [], volatile: [], blocks: [{name: 'only', steps: [{command: 'sleep 120', exit: 0}]}]},
  (line) => console.log(line),
);
