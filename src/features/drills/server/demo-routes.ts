// The demo workspace's routes: what the setup and sign-in pages show, opening the demo, and signing in as one of
// its fictional people from the picker. Public (before anyone has an account), and closed once a real
// organisation exists unless the server was started with --demo.
import type { Router } from '../../../platform/http.ts';
import { sessionOut } from '../../people/contract.ts';
import { authenticateSession, sessionInfo } from '../../people/server/auth.ts';
import type { PeopleDeps } from '../../people/server/deps.ts';
import { setSessionCookie } from '../../people/server/routes.ts';
import { demoInfo, demoSignInInput, openDemoInput } from '../contract.ts';
import { demoSignIn, openDemo, demoInfo as readDemo } from './demo.ts';
import type { DrillDeps } from './deps.ts';

const meta = (ctx: { requestId: string; ip: string; req: { headers: Record<string, string | string[] | undefined> } }) => ({
  requestId: ctx.requestId,
  ip: ctx.ip,
  userAgent: String(ctx.req.headers['user-agent'] ?? ''),
});

/** Registers the demo routes; signing in needs the people feature's session settings. */
export function registerDemoRoutes(r: Router, deps: DrillDeps, people: PeopleDeps & { secureCookies: boolean }) {
  const tags = ['demo'];
  r.add({
    method: 'GET',
    url: '/api/demo',
    summary: 'Whether a demo may be opened, and the open demo’s people (fictional) for the sign-in picker',
    tags,
    permission: 'public',
    response: demoInfo,
    handler: () => readDemo(deps),
  });
  r.add({
    method: 'POST',
    url: '/api/demo',
    summary: 'Open the demo: a fictional company with people in every role, a month of history and a live scenario',
    tags,
    permission: 'public',
    body: openDemoInput,
    response: demoInfo,
    status: 201,
    rateLimit: 5,
    handler: (ctx) => openDemo(deps, ctx.body.locale, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/demo/sign-in',
    summary: 'Sign in as one of the demo’s fictional people',
    tags,
    permission: 'public',
    body: demoSignInInput,
    response: sessionOut,
    status: 201,
    rateLimit: 60,
    handler: async (ctx) => {
      const token = await demoSignIn(deps, people, ctx.body.userId, meta(ctx));
      setSessionCookie(ctx.reply, ctx.req, token, people);
      const principal = await authenticateSession(people, token);
      if (!principal) throw new Error('a session just created did not authenticate');
      return sessionInfo(people, principal);
    },
  });
}
