// `firebreak` command line: the same services the API uses.
import { parseArgs } from 'node:util';
import { ConfigError, configVariables, loadConfig } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/data-lock.ts';
import { StartupError } from '../platform/database-target.ts';

// Commands load their modules on demand, so light commands (classify) don't pay for the server's import graph.
const cmds = () => import('./commands.ts');

type Command = {
  usage: string;
  help: string;
  options: Record<string, { type: 'string' | 'boolean'; help: string }>;
  /** Takes positional arguments (e.g. a file), passed to `run` as the second argument. */
  positionals?: boolean;
  run: (v: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number | undefined>;
};

/** `--org` of the crisis commands. */
const orgOption = { type: 'string', help: 'organisation id (needed only when there are several)' } as const;

const commands: Record<string, Command> = {
  start: {
    usage: 'firebreak start [--demo]',
    help: 'Start PostgreSQL (embedded unless DATABASE_URL is set), apply migrations, build the web app if needed, and serve UI and API.',
    options: {
      demo: {
        type: 'boolean',
        help: 'open the demo workspace (a fictional company whose crisis plays live) and keep it open even after setup',
      },
    },
    run: async (v) => {
      await (await import('./start.ts')).runUntilSignalled(loadConfig(), { demo: v.demo === true });
      return undefined; // keeps running
    },
  },
  migrate: {
    usage: 'firebreak migrate',
    help: 'Apply pending database migrations and exit.',
    options: {},
    run: async () => (await cmds()).migrate(loadConfig()),
  },
  'user create': {
    usage: 'firebreak user create --email E --name N --role R [--password-stdin]',
    help: 'Create a user. Without --password-stdin the user is invited and the invite link is printed.',
    options: {
      email: { type: 'string', help: 'e-mail address (sign-in name)' },
      name: { type: 'string', help: 'display name' },
      role: { type: 'string', help: 'admin | manager | member | reporter | guest (default member)' },
      'password-stdin': { type: 'boolean', help: 'read the password from standard input' },
    },
    run: async (v) => (await cmds()).userCreate(loadConfig(), v),
  },
  'user reset-password': {
    usage: 'firebreak user reset-password --email E [--password-stdin]',
    help: 'Set a new password (read from stdin, or generated and printed) and end the user’s sessions.',
    options: {
      email: { type: 'string', help: 'the user’s e-mail address' },
      'password-stdin': { type: 'boolean', help: 'read the password from standard input' },
    },
    run: async (v) => (await cmds()).userResetPassword(loadConfig(), v),
  },
  classify: {
    usage: 'firebreak classify < mentions.ndjson',
    help: 'Sentiment of NDJSON {"id","text"} lines on stdin → {"id","sentiment","score","confidence","lang"} lines, in order (bad line → {"id"?,"error"}; blank lines skipped). Shipped model, no network or database.',
    options: {},
    run: async (v) => (await import('./sentiment.ts')).classifyCommand(v),
  },
  detect: {
    usage: 'firebreak detect --input FILE.csv [--output FILE.csv]',
    help: 'Run the early-warning detector (strictly online, a new topic’s defaults) over a timestamp,value CSV → timestamp,value,anomaly_score,alert. No network or database.',
    options: {
      input: { type: 'string', help: 'CSV with header timestamp,value, rows in time order (values: counts per bucket)' },
      output: { type: 'string', help: 'where to write the result CSV (default: standard output)' },
    },
    run: async (v) => (await import('./detect.ts')).detectCommand(v),
  },
  'check-statement': {
    usage: 'firebreak check-statement [--lang zh-TW|zh-CN|en|auto] [--facts FILE.json] < statement.txt',
    help: 'Check a statement (stdin, UTF-8) for legal-risk wording → {"findings": [{"category","start","end","excerpt","message","suggestion","law"?}]} (UTF-16 offsets). No network or database.',
    options: {
      lang: { type: 'string', help: 'zh-TW | zh-CN | en | auto (default auto: detected from the script)' },
      facts: {
        type: 'string',
        help: 'JSON {"facts": [{"text"}], "statements": ["earlier approved text"]} to check numbers, dates and places against',
      },
    },
    run: async (v) => (await import('./check-statement.ts')).checkStatementCommand(v),
  },
  'sentiment train': {
    usage: 'firebreak sentiment train [--corrections] [--out DIR] [--data DIR]',
    help: 'Train the Chinese sentiment model from the shared review corpora (and users’ corrections), write it and its provenance to models/.',
    options: {
      corrections: { type: 'boolean', help: 'also learn from the sentiment_corrections table (opens the database)' },
      out: { type: 'string', help: 'output directory (default: models/ in the project root)' },
      data: { type: 'string', help: 'training data directory (default: ../shared/data/sentiment beside the project root)' },
    },
    run: async (v) => (await import('./sentiment.ts')).sentimentTrainCommand(v),
  },
  'demo-feed': {
    usage: 'firebreak demo-feed [--rate N/s] [--minutes M] [--source NAME] [--backfill HOURS]',
    help: 'Keep ingesting synthetic zh-TW/zh-CN/English mentions (with a rising negative wave) into the first organisation, for demos of the live dashboard.',
    options: {
      rate: { type: 'string', help: 'mentions per second at the start (default 5; volume triples at the wave’s height)' },
      minutes: { type: 'string', help: 'how long to run (default 10)' },
      source: { type: 'string', help: 'push source to ingest into (default: demo-ptt, demo-dcard, demo-threads, demo-news, demo-youtube)' },
      backfill: { type: 'string', help: 'hours of calm history to load first (default 48, so 24 h has a previous period; 0 for none)' },
    },
    run: async (v) => (await import('./demo-feed.ts')).demoFeedCommand(loadConfig(), v),
  },
  import: {
    usage:
      'firebreak import FILE --source NAME [--format csv|ndjson] [--map text=內容,publishedAt=時間,…] [--dry-run] [--timezone Asia/Taipei] [--org ID]',
    help: 'Import a CSV or NDJSON file of mentions into an import source (created if missing); an unfinished import of the same file and source is resumed. Progress on stderr, a JSON summary on stdout.',
    positionals: true,
    options: {
      source: { type: 'string', help: 'the import source to store into (created if missing)' },
      format: { type: 'string', help: 'csv | ndjson (default: from the file name, else the content)' },
      map: {
        type: 'string',
        help: 'CSV columns: field=header,… (fields: text, publishedAt, title, author, authorFollowers, url, externalId, likes, shares, comments, views, lang); default: suggested from the headers',
      },
      'dry-run': { type: 'boolean', help: 'check every row and report what would be stored or rejected; store nothing' },
      timezone: { type: 'string', help: 'time zone of CSV dates written without one (default Asia/Taipei)' },
      org: { type: 'string', help: 'organisation id (default: the first organisation)' },
    },
    run: async (v, args) => (await import('./import.ts')).importCommand(loadConfig(), v, args),
  },
  'crisis declare': {
    usage:
      'firebreak crisis declare --title T --type TYPE --severity L1..L4 [--summary S] [--reason R] [--alert ALERT_ID] [--commander EMAIL] [--org ORG_ID] [--json]',
    help: 'Declare a crisis (宣告危機) as the API does: the playbook for its type and level sets up the tasks and their deadlines. Prints the crisis.',
    options: {
      title: { type: 'string', help: 'what is happening, in a line (required)' },
      type: {
        type: 'string',
        help: 'product_quality | service_failure | data_breach | misconduct | offensive_content | misinformation | legal_regulatory | partner_influencer | other (required)',
      },
      severity: { type: 'string', help: 'L1 | L2 | L3 | L4, L1 the most severe (required)' },
      summary: { type: 'string', help: 'what is known so far' },
      reason: { type: 'string', help: 'why this level (the first entry of the decision log)' },
      alert: { type: 'string', help: 'the alert id this crisis grows from (marked declared and linked)' },
      commander: { type: 'string', help: 'e-mail of the person who commands the response (otherwise the team has no commander yet)' },
      org: orgOption,
      json: { type: 'boolean', help: 'print the crisis as JSON' },
    },
    run: async (v) => (await import('./crisis.ts')).crisisDeclareCommand(loadConfig(), v),
  },
  'crisis list': {
    usage: 'firebreak crisis list [--status active|declared|responding|monitoring|recovering|closed] [--org ORG_ID] [--json]',
    help: 'List crises, newest first: number, level, status, when declared, open and overdue tasks, the next deadline.',
    options: {
      status: { type: 'string', help: 'active (every state but closed) or one state (default: all)' },
      org: orgOption,
      json: { type: 'boolean', help: 'print {"crises": […]} as JSON' },
    },
    run: async (v) => (await import('./crisis.ts')).crisisListCommand(loadConfig(), v),
  },
  'crisis show': {
    usage: 'firebreak crisis show NUMBER|ID [--org ORG_ID] [--json]',
    help: 'Show one crisis (by its number, 12 or #12, or its id): team, tasks with deadlines (overdue marked), decisions and the latest timeline.',
    positionals: true,
    options: {
      org: orgOption,
      json: { type: 'boolean', help: 'print the crisis as JSON, as the API returns it' },
    },
    run: async (v, args) => (await import('./crisis.ts')).crisisShowCommand(loadConfig(), v, args),
  },
  'evidence verify': {
    usage: 'firebreak evidence verify BUNDLE.zip [--json]',
    help: 'Check an exported evidence bundle (證據包) offline: recompute the SHA-256 of every listed file and captured text, report missing, unlisted and changed files. Exit 0 if all match, 1 if not, 2 for usage errors.',
    positionals: true,
    options: { json: { type: 'boolean', help: 'print the report as JSON' } },
    run: async (v, args) => (await import('./evidence.ts')).evidenceVerifyCommand(v, args),
  },
  'audit verify': {
    usage: 'firebreak audit verify [--json]',
    help: 'Walk the audit hash chain and report the first broken link. Exit code 1 if broken.',
    options: { json: { type: 'boolean', help: 'print the report as JSON' } },
    run: async (v) => (await cmds()).auditVerify(loadConfig(), v),
  },
};

function printHelp(name?: string) {
  const cmd = name ? commands[name] : undefined;
  if (cmd) {
    console.log(`Usage: ${cmd.usage}\n\n${cmd.help}\n`);
    for (const [k, o] of Object.entries(cmd.options)) console.log(`  --${k.padEnd(18)} ${o.help}`);
    console.log('  --help               show this help');
    return;
  }
  console.log('Usage: firebreak <command> [options]\n\nCommands:');
  for (const [n, c] of Object.entries(commands)) console.log(`  ${n.padEnd(22)} ${c.help}`);
  console.log(`\nConfiguration comes from environment variables: ${configVariables.join(', ')}.`);
  console.log('Run `firebreak <command> --help` for a command’s options.');
}

function printGroupHelp(names: string[]) {
  console.log('Commands:');
  for (const n of names) console.log(`  ${commands[n].usage}\n      ${commands[n].help}`);
  console.log('\nRun `firebreak <command> --help` for a command’s options.');
}

async function main(argv: string[]) {
  const name = commands[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return 0;
  }
  const cmd = commands[name];
  const group = Object.keys(commands).filter((n) => n.startsWith(`${argv[0]} `));
  if (!cmd && group.length && [undefined, '--help', '-h'].includes(argv[1])) {
    // `firebreak crisis` / `firebreak crisis --help`: the group's commands.
    printGroupHelp(group);
    return argv[1] ? 0 : 2;
  }
  if (!cmd) {
    console.error(`Unknown command: ${argv.slice(0, 2).join(' ')}\n`);
    if (group.length) printGroupHelp(group);
    else printHelp();
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...cmd.options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: cmd.positionals ?? false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n`);
    printHelp(name);
    return 2;
  }
  if (values.help) {
    printHelp(name);
    return 0;
  }
  return cmd.run(values, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (e) => {
    if (e instanceof ConfigError || e instanceof StartupError || e instanceof DataDirLockedError) {
      console.error(e.message);
    } else if ((e as { code?: string }).code === 'EADDRINUSE') {
      console.error(`The port is already in use: ${(e as Error).message}. Set PORT to another port.`);
    } else {
      console.error(`firebreak: ${(e as Error).stack ?? e}`);
    }
    process.exit(1);
  },
);
