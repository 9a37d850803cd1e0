// An HTTP client that behaves like the web app: a cookie jar, the CSRF header, JSON in and out.
import type { Role } from '../../src/features/people/contract.ts';

/** A response with its parsed JSON body. */
export type Res<T = any> = { status: number; body: T; headers: Headers };

/** A client bound to one server and one cookie jar. */
export function createClient(baseUrl: string) {
  let cookie = '';
  let csrf = '';
  let bearer = '';
  const request = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> => {
    const h: Record<string, string> = { 'x-requested-with': 'firebreak', ...headers };
    if (cookie) h.cookie = cookie;
    if (csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = csrf;
    if (bearer) h.authorization = `Bearer ${bearer}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      if (pair.startsWith('firebreak_session=')) cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  const client = {
    request,
    get: <T = any>(p: string) => request<T>('GET', p),
    post: <T = any>(p: string, b?: unknown) => request<T>('POST', p, b),
    patch: <T = any>(p: string, b?: unknown) => request<T>('PATCH', p, b),
    del: <T = any>(p: string) => request<T>('DELETE', p),
    get cookie() {
      return cookie;
    },
    useToken(secret: string) {
      bearer = secret;
    },
    /** Signs in and loads the CSRF token, like the web app does. */
    async signIn(email: string, password: string) {
      const r = await request('POST', '/api/session', { email, password });
      if (r.status !== 201) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
      await client.refreshSession();
      return r;
    },
    async refreshSession() {
      const s = await request('GET', '/api/session');
      if (s.status === 200) csrf = s.body.csrfToken;
      return s;
    },
  };
  return client;
}

/** The test client type. */
export type Client = ReturnType<typeof createClient>;

/** The password every factory user gets. */
export const PASSWORD = 'correct horse battery staple';

/** Sets up an organisation with an admin, signs the admin in; returns the admin client and a user factory. */
export async function setUpOrg(baseUrl: string, orgName = 'Acme 食品') {
  const admin = createClient(baseUrl);
  const email = `admin-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const r = await admin.post('/api/setup', { orgName, name: 'Ada Admin', email, password: PASSWORD, locale: 'zh-TW' });
  if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  const s = await admin.refreshSession();
  const orgId: string = s.body.org.id;
  const adminId: string = s.body.user.id;
  /** Creates a user with a role via an invite, accepts it, and returns a signed-in client. */
  const userWithRole = async (role: Role, name = `${role} user`) => {
    const e = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const created = await admin.post('/api/users', { email: e, name, role });
    if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
    const token = String(created.body.inviteUrl).split('/invite/')[1];
    const c = createClient(baseUrl);
    const acc = await c.post(`/api/invites/${token}/accept`, { password: PASSWORD });
    if (acc.status !== 201) throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
    await c.refreshSession();
    return { client: c, id: created.body.user.id as string, email: e };
  };
  return { admin, adminEmail: email, orgId, adminId, userWithRole };
}
