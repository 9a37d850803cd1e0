// Search-everywhere routes and the indexer's job: GET /api/search (results filtered per thing to what the reader
// may open; see search.ts), and a minute cron job that follows the event spine into `search_entries` for
// crises, tasks, notes and statements (search requests also catch up before searching).
import type { Task } from 'graphile-worker';
import type { Principal, Router } from '../../../platform/http.ts';
import { searchQuery, searchResult } from '../contract.ts';
import type { DocumentDeps } from './deps.ts';
import { SCREENSHOT_JOB, screenshotTask } from './evidence-screenshot.ts';
import { searchEverything } from './search.ts';
import { catchUpIndex } from './search-indexer.ts';

const INDEX_JOB = 'search_index';
/** Batches one cron run may index (500 events each) before leaving the rest to the next minute. */
const JOB_BATCHES = 200;

/** Registers the search routes. */
export function registerSearchRoutes(r: Router, deps: DocumentDeps) {
  r.add({
    method: 'GET',
    url: '/api/search',
    summary: 'Search mentions, crises, tasks, notes, statements, documents and attachments the caller may open',
    tags: ['search'],
    permission: 'search.use',
    query: searchQuery,
    response: searchResult,
    handler: (ctx) => searchEverything(deps, ctx.principal as Principal, ctx.query, { requestId: ctx.requestId, ip: ctx.ip }),
  });
}

/**
 * The documents feature's jobs on the shared queue: the search indexer catching up with the event spine every
 * minute (once across processes), and the evidence screenshots queued by captures (evidence-screenshot.ts).
 */
export function searchJobs(deps: DocumentDeps): { tasks: Record<string, Task>; crontab: string[] } {
  return {
    tasks: {
      [INDEX_JOB]: async (_payload, helpers) => {
        const n = await catchUpIndex(deps.db, deps.clock, JOB_BATCHES);
        if (n) helpers.logger.info(`search: ${n} event(s) indexed`);
      },
      [SCREENSHOT_JOB]: screenshotTask(deps),
    },
    crontab: [`* * * * * ${INDEX_JOB} ?max=1`],
  };
}
