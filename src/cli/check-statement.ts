// `firebreak check-statement [--lang zh-TW|zh-CN|en|auto] [--facts FILE.json]`: the legal-risk checker on
// the statement text from stdin → `{"findings": [...]}` on stdout. No network, no database, no config.
import fs from 'node:fs';
import { z } from 'zod';
import { type CheckLang, checkStatement, type FactsInput } from '../features/statements/checker/index.ts';

type Values = Record<string, string | boolean | undefined>;

const LANGS = ['zh-TW', 'zh-CN', 'en', 'auto'] as const;
const factsSchema = z.strictObject({
  facts: z.array(z.object({ text: z.string() })),
  statements: z.array(z.string()),
});

/** Reads and validates a --facts file; a one-line reason when it can't. */
export function readFacts(file: string): { facts: FactsInput } | { error: string } {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read --facts ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { error: `--facts ${file} is not valid JSON: ${(e as Error).message}` };
  }
  const parsed = factsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    return {
      error: `--facts ${file} has the wrong shape at ${where}: ${issue.message} (expected {"facts": [{"text": "…"}], "statements": ["…"]})`,
    };
  }
  return { facts: parsed.data };
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The command: exit 0 with the findings, or 1 with a one-line error on stderr. */
export async function checkStatementCommand(
  v: Values,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  const fail = (msg: string) => {
    io.stderr.write(`firebreak check-statement: ${msg}\n`);
    return 1;
  };
  const lang = v.lang ?? 'auto';
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang))
    return fail(`unknown --lang "${String(lang)}" (expected one of ${LANGS.join(', ')})`);
  let facts: FactsInput | undefined;
  if (v.facts !== undefined) {
    if (typeof v.facts !== 'string' || !v.facts) return fail('--facts needs a file name');
    const r = readFacts(v.facts);
    if ('error' in r) return fail(r.error);
    facts = r.facts;
  }
  // One leading BOM goes; CRLF stays, so offsets are those of the input as given (after the BOM).
  const text = (await readStdin(io.stdin)).replace(/^\uFEFF/, '');
  const { findings } = checkStatement(text, { lang: lang as CheckLang | 'auto', facts });
  const out = findings.map((f) => ({
    category: f.category,
    start: f.start,
    end: f.end,
    excerpt: f.excerpt,
    message: f.message,
    suggestion: f.suggestion,
    ...(f.law ? { law: f.law } : {}),
    rule: f.rule,
    ...(f.ref ? { ref: f.ref } : {}),
  }));
  await new Promise<void>((resolve) => io.stdout.write(`${JSON.stringify({ findings: out })}\n`, () => resolve()));
  return 0;
}
