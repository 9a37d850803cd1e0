// The worker side of parse-off-thread.ts: parses one scenario file's text per message and answers with the outcome.
import { parentPort } from 'node:worker_threads';
import { parseScenario } from './scenarios.ts';

parentPort?.on('message', (text: string) => {
  parentPort?.postMessage(parseScenario(text));
});
