// Statement routes: the communication plan and fact sheet of a crisis, statements and their versions, risk
// acceptance, the approval chain (submit, decide, override), publication, templates and approval chains.
// Each route: a schema, a permission, one service call; who may do what on a crisis is decided by the services
// (crisis rights from policies.ts; named approvers per chain step).
import type { Router } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';

/** Registers the statement routes. */
export function registerStatementRoutes(_r: Router, _deps: CrisisDeps) {}
