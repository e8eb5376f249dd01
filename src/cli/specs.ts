import { FORMATS } from '../core/render/renderNotification.js';
import { SHELLS } from '../core/render/shells.js';
import { LANGS } from '../core/types.js';
import type { CommandSpec, OptionSpec } from './commandLine.js';

// The options several commands share, described once.
const LANG = {
  type: 'string',
  choices: LANGS,
  description: 'language of the messages (default TRIAGE_LANG, else en)',
} as const satisfies OptionSpec;
const AZURE_FIXTURES = {
  type: 'string',
  value: 'FILE',
  description: 'look the Azure state up in a replay of recorded answers (served over local HTTPS to the real clients)',
} as const satisfies OptionSpec;
const LIVE = {
  type: 'boolean',
  description: 'look the Azure state up in Azure itself (DefaultAzureCredential: az login or a managed identity)',
} as const satisfies OptionSpec;
const NO_LOOKUPS = {
  type: 'boolean',
  description: 'look nothing up: explain from the error code alone',
} as const satisfies OptionSpec;
const STATS = {
  type: 'boolean',
  description: 'one final JSON line of counters on standard error',
} as const satisfies OptionSpec;
const LOOKUP_SOURCES = [
  { options: ['azure-fixtures', 'live'], reason: 'read the state from a replay or from Azure, not both' },
  { options: ['live', 'no-lookups'], reason: '--live looks the state up in Azure, --no-lookups looks nothing up' },
  {
    options: ['azure-fixtures', 'no-lookups'],
    reason: '--azure-fixtures replays recorded answers, --no-lookups looks nothing up',
  },
] as const;

export const TRIAGE = {
  name: 'triage',
  args: '[FILE…|-]',
  summary: 'classify and explain failed backup jobs: NDJSON on stdout, rejected inputs on stderr',
  description:
    'Reads Event Hub bodies (a JSON document per file, or JSON lines; - or nothing for standard input), ' +
    'classifies every failed backup job, looks the Azure state up when asked, and writes one enriched event ' +
    'per line on standard output and every rejected input on standard error. Nothing is stored or sent.',
  options: {
    lang: LANG,
    render: {
      type: 'string',
      choices: ['json', 'markdown'],
      description: 'json: one enriched event per line; markdown: the findings for people, worst first',
      default: 'json',
    },
    stats: STATS,
    'azure-fixtures': AZURE_FIXTURES,
    live: LIVE,
    'no-lookups': NO_LOOKUPS,
  },
  exclusive: LOOKUP_SOURCES,
  examples: [
    'backup-triage triage day.ndjson 2>rejected.ndjson',
    'backup-triage triage --render markdown --lang fr --azure-fixtures samples/azure/state.json samples/events/*.json',
  ],
} as const satisfies CommandSpec;

export const RUN = {
  name: 'run',
  args: '[FILE…|-]',
  summary: "the Event Hub function's whole path: triage, lookups, store, dedup, grouping, delivery",
  description:
    'Runs the bodies through what the Event Hub function does in Azure: triage, lookups, the store ' +
    '(an in-memory Azurite unless STATE_STORAGE_CONNECTION_STRING names one), dedup, grouping, and delivery to ' +
    'the webhook (or the outbox when there is none). Prints what was decided and sent.',
  options: {
    webhook: {
      type: 'string',
      value: 'URL',
      description: 'where to post: https, or http to localhost only (default WEBHOOK_URL)',
    },
    format: {
      type: 'string',
      choices: FORMATS,
      description: 'message format (default WEBHOOK_FORMAT, else generic)',
    },
    secret: {
      type: 'string',
      value: 'whsec_…',
      description: 'Standard Webhooks secret that signs generic messages (default WEBHOOK_SECRET)',
    },
    shell: {
      type: 'string',
      choices: SHELLS,
      description: 'the shell of the one command a message shows (default NOTIFY_SHELL, else cli)',
    },
    lang: LANG,
    stats: STATS,
    'azure-fixtures': AZURE_FIXTURES,
    live: LIVE,
    'no-lookups': NO_LOOKUPS,
  },
  exclusive: LOOKUP_SOURCES,
  examples: [
    'backup-triage run --webhook http://localhost:8080/hook --format teams samples/events/*.json',
    'STATE_STORAGE_CONNECTION_STRING="UseDevelopmentStorage=true" backup-triage run day.ndjson',
  ],
} as const satisfies CommandSpec;

export const DIGEST = {
  name: 'digest',
  args: '[FILE…]',
  summary: 'the daily digest of a UTC day, written as HTML and text and/or sent by SMTP',
  description:
    'Summarises a UTC day (yesterday by default) from the store named by STATE_STORAGE_CONNECTION_STRING, or ' +
    'from event files run through the pipeline into an in-memory Azurite first. Writes the HTML (and the text ' +
    'part beside it) and/or sends it with SMTP_HOST to DIGEST_TO.',
  options: {
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'the UTC day to summarise (default yesterday)' },
    out: { type: 'string', value: 'FILE', description: 'write the HTML there, and the text part beside it (.txt)' },
    send: { type: 'boolean', description: 'send it by SMTP (needs SMTP_HOST and DIGEST_TO)' },
    lang: LANG,
  },
  examples: ['backup-triage digest --date 2026-11-25 --out out/digest.html samples/events/*.json'],
} as const satisfies CommandSpec;

export const SEND = {
  name: 'send',
  args: 'FILE…',
  summary: 'publish bodies to an event hub as a vault would (the smoke test after azd up)',
  description:
    "Publishes each body to a real event hub exactly as a vault's diagnostic setting would (the file's bytes, " +
    'application/json), signing in with your Azure identity (az login) or a managed identity.',
  options: {
    namespace: {
      type: 'string',
      value: 'NS',
      description: 'Event Hubs namespace, e.g. evhns-abc123 (default EventHubConnection__fullyQualifiedNamespace)',
    },
    hub: { type: 'string', value: 'HUB', description: 'event hub name (default EVENTHUB_NAME)' },
  },
  examples: ['backup-triage send --namespace evhns-abc123 --hub backup-jobs samples/smoke/failed-job.json'],
} as const satisfies CommandSpec;

export const DEMO = {
  name: 'demo',
  summary: 'everything over the bundled samples, printed for people (what npm start runs)',
  description:
    'Runs the samples through the whole pipeline with lookups against a recorded Azure state, posts the ' +
    'messages (signed) to a local webhook, writes the digest to out/ and serves the dashboard on 127.0.0.1.',
  options: {
    lang: LANG,
    serve: { type: 'boolean', description: 'keep the dashboard up until Ctrl-C (or SIGTERM)' },
    port: {
      type: 'string',
      value: 'PORT',
      description: 'port of the dashboard on 127.0.0.1 (default 0: any free port)',
    },
    out: { type: 'string', value: 'DIR', description: 'where the digest is written', default: 'out' },
    samples: { type: 'string', value: 'DIR', description: 'folder of sample bodies (default samples/events)' },
    'azure-fixtures': AZURE_FIXTURES,
    'no-lookups': NO_LOOKUPS,
  },
  exclusive: [LOOKUP_SOURCES[2]],
  examples: ['npm start', 'npm start -- --lang fr --serve --port 8080'],
} as const satisfies CommandSpec;

export const SCAN = {
  name: 'scan',
  summary: 'what is failing right now across your subscriptions: the backup jobs of the last hours, triaged',
  description:
    'Reads the backup jobs of the last hours (failed, with warnings, and the successes that resolve them) from ' +
    'Azure Resource Graph across every subscription your identity can read (az login is enough: nothing is ' +
    'deployed), reads the error details a row lacks from its vault, looks the VMs up, and prints the findings ' +
    'worst first. Resource Graph keeps 14 days of jobs.',
  options: {
    hours: {
      type: 'string',
      value: 'N',
      description: 'how far back to look, in hours (1 to 336)',
      default: '24',
    },
    subscription: {
      type: 'string',
      value: 'ID',
      multiple: true,
      description: 'only this subscription (repeat for several; default: all the identity can read)',
    },
    render: {
      type: 'string',
      choices: ['markdown', 'json'],
      description: 'markdown: the findings for people; json: one enriched event per line; worst first either way',
      default: 'markdown',
    },
    lang: LANG,
    stats: STATS,
    'azure-fixtures': {
      type: 'string',
      value: 'FILE',
      description: 'answer from a replay of recorded Azure answers instead of Azure (tests, demos)',
    },
    'no-lookups': NO_LOOKUPS,
  },
  examples: [
    'az login && backup-triage scan',
    'backup-triage scan --hours 72 --subscription 3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f --lang fr',
    'backup-triage scan --render json | jq -r .summary.headline',
  ],
} as const satisfies CommandSpec;
