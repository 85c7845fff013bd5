// A test stand-in for the Coveo Platform API: a real HTTP server on loopback with real
// CORS (preflight included), bearer-token checks, seed-shaped fixtures, and failure
// scenarios. Imported by the end-to-end tests; runnable alone for manual trials:
//   node xtask/api-server.mjs [port]   (then API base URL = http://127.0.0.1:<port>)

import { readFileSync } from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export const TEST_TOKEN = 'test-token-0123456789';

/** Orgs whose every request fails in one way (handy by hand; tests use failNext). */
export const SCENARIO_ORGS = {
  'org-401': { status: 401, json: { errorCode: 'INVALID_TOKEN', message: 'The token is expired.' } },
  'org-403': { status: 403, json: { errorCode: 'ACCESS_DENIED', message: 'Missing privilege PLATFORM/API_KEY/VIEW.' } },
  'org-429': { status: 429, headers: { 'Retry-After': '3' }, json: { errorCode: 'TOO_MANY_REQUESTS', message: 'Slow down.' } },
  'org-500': { status: 500, html: '<html><body><h1>500 Internal Server Error</h1></body></html>' },
  'org-badjson': { status: 200, raw: '[{"id": "abc", "displayName": ' },
  'org-portal': { status: 200, html: '<html><body>Sign in to use this Wi-Fi</body></html>' },
  'org-wrongshape': { status: 200, json: { items: [], totalCount: 0 } },
  'org-nocors': { status: 200, json: [], noCors: true },
  'org-slow': { delayMs: 2500 },
  // Hostile answers (a proxy in between, or a host that is not Coveo).
  'org-echo': { echoToken: true },
  // A 401 whose message puts the token after 989 characters, and whose request id header
  // is 200,000 characters long.
  'org-echo-long': { echoToken: 'long' },
  // A key list whose entries carry the token in their id, name, description and an
  // unknown field.
  'org-echo-list': { echoToken: 'list' },
  'org-bigerror': { hostile: 'bigerror' },
  'org-deep': { hostile: 'deep' },
  'org-bigentries': { hostile: 'bigentries' },
  'org-hugebody': { hostile: 'hugebody' },
  'org-redirect': { status: 302, headers: { Location: 'http://localhost:9/rest/organizations/testorg/apikeys' }, json: {} },
};

const KNOWN_ORGS = new Set(['testorg', 'otherorg', 'euorg', 'bigorg', 'hugeorg', 'bigprivorg', 'wideorg', 'auditorg', 'exposedorg', ...Object.keys(SCENARIO_ORGS)]);

/** What `failNext` calls the organization list, which belongs to no organization. */
export const ORGANIZATION_LIST = '(organizations)';

/** The organizations the test token reaches: the named ones, then enough sandboxes that
 * the list takes two pages of 100 (deterministic). */
export function reachableOrgs() {
  const named = [
    { id: 'testorg', displayName: 'Test Organization' },
    { id: 'otherorg', displayName: 'Other Organization' },
    { id: 'euorg', displayName: 'ACME Europe' },
    { id: 'exposedorg', displayName: 'Exposed keys' },
    { id: 'auditorg', displayName: 'Audit (10,000 keys)' },
    { id: 'wideorg' },
  ];
  const sandboxes = Array.from({ length: 140 }, (_, i) => ({ id: `sandbox${String(i).padStart(3, '0')}`, displayName: `Sandbox ${i}`, type: 'Sandbox' }));
  return [...named, ...sandboxes];
}

/** The region each organization lives in (`primaryMainRegion`). */
export function homeRegion(org) {
  return org === 'euorg' ? 'eu-west-1' : 'us-east-1';
}

/** API key templates: testorg's as a plain array, otherorg's as a page object. */
export function keyTemplates(org) {
  const templates = [
    {
      id: 'tpl-public-search',
      displayName: 'Public search page',
      description: 'Queries and analytics events from a public site.',
      privacyLevel: 'PUBLIC',
      privileges: [
        { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', targetId: '*' },
        { owner: 'USAGE_ANALYTICS', targetDomain: 'ANALYTICS_DATA', type: 'EDIT', targetId: '*' },
      ],
    },
    {
      id: 'tpl-source-admin',
      displayName: 'Source administration',
      privileges: [
        { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: '*' },
        { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT', targetId: '*' },
      ],
    },
  ];
  return org === 'otherorg' ? { items: templates.slice(0, 1), totalEntries: 1, totalPages: 1 } : templates;
}

/** Ten thousand keys, for the large-org path (deterministic). */
export function bigOrgKeys(count = 10_000) {
  const statuses = ['ENABLED', 'ENABLED', 'ENABLED', 'DISABLED', 'EXPIRED', 'SOON_TO_BE_EXPIRED'];
  return Array.from({ length: count }, (_, i) => ({
    id: `k${String(i).padStart(5, '0')}${'abcdefghijklmnopqrst'.slice(i % 7, (i % 7) + 15)}`,
    value: `xx*****${String(1000 + (i % 9000))}`,
    organizationId: 'bigorg',
    displayName: `Key ${i} for service ${i % 97}`,
    description: `Generated key number ${i}; team ${['search', 'commerce', 'analytics', 'ml'][i % 4]}.`,
    enabled: statuses[i % statuses.length] === 'ENABLED',
    status: statuses[i % statuses.length],
    createdDate: 1_600_000_000_000 + i * 3_600_000,
    lastUsedDate: i % 5 === 0 ? undefined : 1_700_000_000_000 + i * 60_000,
    privileges: [{ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', targetId: '*' }],
  }));
}

/** About 2,000 assignable privileges over many owners and domains (deterministic). */
export function manyPrivileges(count = 2_000) {
  const owners = ['PLATFORM', 'SEARCH_API', 'USAGE_ANALYTICS', 'COVEO_ML', 'COMMERCE', 'CUSTOMER_SERVICE'];
  const types = [undefined, 'CREATE', 'VIEW', 'EDIT'];
  return Array.from({ length: count }, (_, i) => ({
    owner: owners[i % owners.length],
    targetDomain: `DOMAIN_${String(Math.floor(i / 4)).padStart(4, '0')}_${['SOURCE', 'FIELD', 'MODEL', 'REPORT'][i % 4]}`,
    ...(types[i % 4] ? { type: types[i % 4] } : {}),
    targetId: '*',
  }));
}

/**
 * The hostile sizes (organizations `hostile-*`): what a broken or hostile host could send,
 * far past any real organization. Each is made once per server.
 */
export const HOSTILE_ORGS = {
  // 100,000 privileges, each of its own owner.
  'hostile-owners': () => ({ privileges: Array.from({ length: 100_000 }, (_, i) => ({ owner: `OWNER_${String(i).padStart(6, '0')}`, targetDomain: 'SOURCE', type: 'VIEW', targetId: '*' })) }),
  // 100,000 targets in one domain.
  'hostile-targets': () => ({ privileges: Array.from({ length: 100_000 }, (_, i) => ({ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: `source-${String(i).padStart(6, '0')}` })) }),
  // 20,000 types in one domain.
  'hostile-types': () => ({ privileges: Array.from({ length: 20_000 }, (_, i) => ({ owner: 'PLATFORM', targetDomain: 'SOURCE', type: `TYPE_${String(i).padStart(5, '0')}`, targetId: '*' })) }),
  // A key limited to 20,000 resources.
  'hostile-resources': () => ({
    keys: [{
      id: 'hostileresources0000000001', displayName: 'A key limited to 20,000 sources', status: 'ENABLED',
      privileges: [
        { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT', targetIds: Array.from({ length: 20_000 }, (_, i) => `source-${String(i).padStart(5, '0')}`) },
        { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', targetId: '*' },
      ],
    }],
  }),
  // A key whose 900 KB display name matches the filter at every word.
  'hostile-name': () => ({
    keys: [{ id: 'hostilename000000000000001', displayName: 'ab '.repeat(300_000), status: 'ENABLED', privileges: [] }],
  }),
  // 100,000 API key templates.
  'hostile-templates': () => ({
    templates: Array.from({ length: 100_000 }, (_, i) => ({
      id: `tpl-${String(i).padStart(6, '0')}`,
      displayName: `Template ${i}`,
      privacyLevel: 'PRIVATE',
      privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: '*' }],
    })),
  }),
};

/** A hostile organization list (the scenario `{ hostile: 'orgs' }`): 50 pages of 20,000
 * organizations, a million in all. */
export const HOSTILE_ORG_PAGE = 20_000;
export const HOSTILE_ORG_PAGES = 50;

/** One key holding 50 privileges, each a level of a pair of the privilege catalog
 * (domain/catalog/): the widest key "what can it call" is asked about. */
export function wideKey() {
  const privileges = catalogPrivileges().slice(0, 50);
  return [{ id: 'widekey0000000000000000001', displayName: 'A key with 50 privileges', status: 'ENABLED', privileges }];
}

/** Every level of every pair of the privilege catalog (domain/catalog/), on all resources. */
function catalogPrivileges() {
  const domains = JSON.parse(readFileSync(new URL('../domain/catalog/domains.json', import.meta.url), 'utf8'));
  return domains.flatMap((d) => d.levels.map((level) => ({
    owner: d.owner,
    targetDomain: d.targetDomain,
    ...(level === 'ALLOWED' ? {} : { type: level }),
    targetId: '*',
  })));
}

/** Ten thousand keys holding 20 catalog privileges each, taken in turn: the audit
 * benchmarks' organization (deterministic). */
export function auditOrgKeys(count = 10_000) {
  const every = catalogPrivileges();
  return Array.from({ length: count }, (_, i) => ({
    id: `a${String(i).padStart(5, '0')}auditedkey0000000`,
    displayName: `Audited key ${i}`,
    createdBy: ['alice@example.com', 'bob@example.com', 'carol@example.com'][i % 3],
    status: 'ENABLED',
    privileges: Array.from({ length: 20 }, (_, j) => every[(i + j * 7) % every.length]),
  }));
}

/** Keys to triage and export: an active key Coveo found exposed (one place a web page,
 * one a hostile address), one idle for six years, and one whose fields a spreadsheet
 * would run as formulas. */
export function exposedOrgKeys(now = Date.now()) {
  const day = 86_400_000;
  return [
    {
      id: 'exposedkey00000000000000001',
      displayName: 'Still active, found exposed',
      status: 'ENABLED',
      lastUsedDate: now - day,
      exposureReport: {
        severity: 'CRITICAL',
        reasons: [
          { source: 'GITHUB', url: 'https://github.com/example/site/blob/main/.env', createdDate: now - 3 * day },
          { source: 'PASTE', url: 'javascript:window.__pwned=3' },
        ],
      },
    },
    { id: 'idlekey000000000000000000001', displayName: 'Idle for years', status: 'ENABLED', createdDate: now - 3000 * day, lastUsedDate: now - 2266 * day },
    {
      id: 'formulakey000000000000000001',
      displayName: '=HYPERLINK("http://evil.example","open")',
      description: '+1, "quoted"\nand a second line',
      value: 'xx*****9f3a',
      status: 'ENABLED',
      lastUsedDate: now - day,
      createdBy: '@mallory',
    },
  ];
}

/** The seed documents' shapes, with the variants the sources disagree on. */
export function testOrgKeys() {
  return [
    {
      id: 'wduuqg3ip2c3i3gpopapxhcgxe',
      value: '**********-****-****-****-********1b3e',
      organizationId: 'testorg',
      displayName: 'My Source API Key',
      description: 'An API key to edit and view sources.',
      enabled: true,
      status: 'ENABLED',
      createdDate: 1614969486000,
      createdBy: 'alice@example.com',
      apiKeyTemplateId: 'tpl-source-admin',
      privileges: [
        { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: '*' },
        { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT', targetId: '*' },
      ],
    },
    {
      id: 'q8n2k4vb6xw3zt7cm5rp9hjyda',
      value: 'xx*****1343',
      displayName: 'Search page (public)',
      description: 'Executes queries from www.example.com.',
      enabled: true,
      privacyLevel: 'PUBLIC',
      apiKeyTemplateId: 'tpl-public-search',
      createdDate: '2024-03-12T14:05:00Z',
      lastUsedDate: '2026-11-20T08:00:00.000+01:00',
      createdBy: { username: 'bob@example.com', displayName: 'Bob Tremblay' },
      privileges: [{ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', targetIds: [], global: true }],
      aFieldFromTheFuture: { anything: [1, 2, 3] },
    },
    {
      id: 'hx7vk2q9wz4tn6cr8bpjydlem3',
      displayName: '<img src=x onerror="window.__pwned=1">Hostile <b>name</b>',
      description: '</td><script>window.__pwned=2</script>',
      enabled: false,
      status: 'DISABLED',
      apiKeyTemplateId: 'tpl-deleted-long-ago',
    },
    { displayName: 'An entry without an id is skipped' },
  ];
}

export function testOrgPrivileges() {
  return [
    { targetDomain: 'AUTHENTICATION_EDITOR', targetIds: [], owner: 'SEARCH_API', global: false },
    { type: 'EDIT', targetDomain: 'ON_PREMISE_ADMINISTRATION', targetIds: [], owner: 'PLATFORM', global: false },
    { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', targetId: '*', level: 'NORMAL' },
    { owner: 'USAGE_ANALYTICS', targetDomain: 'ANALYTICS_DATA', type: 'EDIT', targetId: '*' },
    { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: '*', level: 'GLOBAL' },
    { owner: 'COMMERCE', targetDomain: 'CATALOG', type: 'VIEW', targetId: '*' },
  ];
}

const ROUTE = /^\/rest\/organizations\/([^/]+)\/(apikeys|privileges\/apikeys|privileges\/me|templates\/apikeys)$/;
const HOME_ROUTE = /^\/rest\/global\/organizations\/([^/]+)$/;

/** The hostile answers: sizes and shapes no Coveo answer has. */
let hostileOrgPages = null;

async function sendHostile(kind, res, headers, url) {
  const json = { ...headers, 'Content-Type': 'application/json' };
  if (kind === 'orgs') {
    hostileOrgPages ??= new Map();
    const page = Math.max(0, Number(url.searchParams.get('page') ?? 0));
    if (!hostileOrgPages.has(page)) {
      const items = Array.from({ length: HOSTILE_ORG_PAGE }, (_, i) => {
        const n = page * HOSTILE_ORG_PAGE + i;
        return { id: `hostileorg${String(n).padStart(7, '0')}`, displayName: `Organization ${n} of a host that lists far too many`, type: 'Sandbox' };
      });
      hostileOrgPages.set(page, JSON.stringify({ items, totalEntries: HOSTILE_ORG_PAGE * HOSTILE_ORG_PAGES, totalPages: HOSTILE_ORG_PAGES }));
    }
    res.writeHead(200, json);
    return res.end(hostileOrgPages.get(page));
  }
  const keys = testOrgKeys();
  if (kind === 'bigerror') {
    // A 500 whose message is 8 MB.
    res.writeHead(500, json);
    return res.end(JSON.stringify({ errorCode: 'HUGE', message: 'x'.repeat(8 << 20) }));
  }
  if (kind === 'deep') {
    // One key nested far deeper than any JSON reader's limit, between two good ones.
    const deep = `{"id":"deepkey","displayName":${'['.repeat(10_000)}1${']'.repeat(10_000)}}`;
    res.writeHead(200, json);
    return res.end(`[${JSON.stringify(keys[0])},${deep},${JSON.stringify(keys[1])}]`);
  }
  if (kind === 'bigentries') {
    // Three keys with 2 MB names among the usual ones.
    const big = (n) => JSON.stringify({ id: `bigkey${n}`, displayName: `${n}`.repeat(2 << 20) });
    res.writeHead(200, json);
    return res.end(`[${[...keys.map((k) => JSON.stringify(k)), big(1), big(2), big(3)].join(',')}]`);
  }
  if (kind === 'hugebody') {
    // A list that never ends (up to 1 GB), sent as fast as it is read.
    res.writeHead(200, json);
    res.write('[');
    const element = JSON.stringify({ id: 'k', displayName: 'n'.repeat(1000) });
    const chunk = Array(1000).fill(element).join(',') + ',';
    for (let sent = 0; sent < 1 << 30 && !res.destroyed; sent += chunk.length) {
      if (!res.write(chunk)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
    }
    return res.end(`${element}]`);
  }
  throw new Error(`no hostile answer ${kind}`);
}

/** The route's organization and its name for `failNext` ('apikeys', 'global', ...). */
function routeOf(pathname) {
  if (pathname === '/rest/organizations') return { org: ORGANIZATION_LIST, what: 'organizations' };
  const home = HOME_ROUTE.exec(pathname);
  if (home) return { org: decodeURIComponent(home[1]), what: 'global' };
  const route = ROUTE.exec(pathname);
  return route ? { org: decodeURIComponent(route[1]), what: route[2] } : null;
}

/**
 * Starts the server. Returns { url, port, requests, failNext(org, scenario, times), close() }.
 * `requests` logs every request (method, path, org, whether the bearer token matched).
 */
export async function startApiServer({ port = 0, token = TEST_TOKEN } = {}) {
  const requests = [];
  const pending = new Map(); // org -> [{ scenario, times }]
  const bigKeysJson = {};
  const hostileJson = {};
  let serial = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const route = routeOf(url.pathname);
    const org = route?.org ?? null;
    const queued = org && pending.get(org)?.find((entry) => !entry.route || entry.route === route.what);
    const scenario = queued?.scenario ?? (org && SCENARIO_ORGS[org]) ?? {};
    const requestId = `test-req-${++serial}`;
    const origin = req.headers.origin;
    const cors = scenario.noCors || !origin ? {} : {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'Retry-After, X-Request-ID',
      'Timing-Allow-Origin': origin,
      Vary: 'Origin',
    };

    const consume = () => {
      if (queued && --queued.times <= 0) pending.set(org, pending.get(org).filter((entry) => entry !== queued));
    };

    if (req.method === 'OPTIONS') {
      // Without CORS the preflight is where the call fails, so it uses up the scenario.
      if (scenario.noCors) consume();
      res.writeHead(204, {
        ...cors,
        ...(scenario.noCors ? {} : {
          'Access-Control-Allow-Methods': 'GET, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
          'Access-Control-Max-Age': '0',
        }),
      });
      return res.end();
    }

    requests.push({
      method: req.method,
      path: url.pathname,
      search: url.search,
      org,
      authorized: req.headers.authorization === `Bearer ${token}`,
      origin,
      host: req.headers.host,
      referer: req.headers.referer,
    });

    const send = (status, body, type = 'application/json', extra = {}) => {
      res.writeHead(status, { ...cors, 'Content-Type': type, 'X-Request-ID': requestId, ...extra });
      res.end(body);
    };
    const sendJson = (status, value, extra) => send(status, JSON.stringify(value), 'application/json', extra);
    const coveoError = (status, errorCode, message) =>
      sendJson(status, { errorCode, message, requestID: requestId });

    if (req.method !== 'GET') return coveoError(405, 'METHOD_NOT_ALLOWED', 'Only GET is served here.');
    if (!route) return coveoError(404, 'NOT_FOUND', 'No such route.');
    if (req.headers.authorization !== `Bearer ${token}`) {
      return coveoError(401, 'INVALID_TOKEN', 'The access token is invalid or expired.');
    }
    if (org !== ORGANIZATION_LIST && !KNOWN_ORGS.has(org) && !HOSTILE_ORGS[org]) return coveoError(404, 'ORGANIZATION_NOT_FOUND', `Organization ${org} not found.`);

    consume();
    if (scenario.delayMs) await new Promise((r) => setTimeout(r, scenario.delayMs));
    if (scenario.hostile) return sendHostile(scenario.hostile, res, { ...cors, 'X-Request-ID': requestId }, url);
    if (scenario.echoToken === 'long') {
      const token = req.headers.authorization.replace(/^Bearer /, '');
      return sendJson(401, { errorCode: 'INVALID_TOKEN', message: `${'m'.repeat(989)}${token} is expired` }, { 'X-Request-ID': `r${'x'.repeat(200_000)}` });
    }
    if (scenario.echoToken === 'list') {
      const token = req.headers.authorization.replace(/^Bearer /, '');
      const keys = testOrgKeys();
      keys[0] = { ...keys[0], id: token, displayName: `Named ${token}`, description: `Echoes ${token.toUpperCase()}`, aFieldFromTheFuture: token };
      return sendJson(200, keys);
    }
    if (scenario.echoToken) {
      // A server that echoes the token back in every form it might take.
      const token = req.headers.authorization.replace(/^Bearer /, '');
      const forms = [
        token.toUpperCase(),
        [...token].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
        Buffer.from(`Bearer ${token}`).toString('base64'),
        [...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
        token.slice(2, 16),
      ];
      return sendJson(400, { errorCode: forms[0], message: `Refused: ${forms.join(' | ')}`, requestID: forms[4] });
    }
    if (scenario.status) {
      if (scenario.html) return send(scenario.status, scenario.html, 'text/html', scenario.headers);
      if (scenario.raw) return send(scenario.status, scenario.raw, 'application/json', scenario.headers);
      const body = Array.isArray(scenario.json) ? scenario.json : { ...scenario.json, requestID: requestId };
      return sendJson(scenario.status, body, scenario.headers);
    }

    const what = route.what;
    if (what === 'organizations') {
      const all = reachableOrgs();
      const perPage = Math.max(1, Number(url.searchParams.get('perPage') ?? 100));
      const pageNumber = Math.max(0, Number(url.searchParams.get('page') ?? 0));
      const items = all.slice(pageNumber * perPage, (pageNumber + 1) * perPage);
      return sendJson(200, { items, totalEntries: all.length, totalPages: Math.ceil(all.length / perPage) });
    }
    if (what === 'global') {
      const region = homeRegion(org);
      return sendJson(200, { organizationId: org, primaryMainRegion: region, mainRegions: [region], satelliteRegions: [] });
    }
    if (what === 'templates/apikeys' && HOSTILE_ORGS[org]) {
      hostileJson[org] ??= HOSTILE_ORGS[org]();
      const made = hostileJson[org];
      made.templatesJson ??= JSON.stringify(made.templates ?? keyTemplates(org));
      return send(200, made.templatesJson);
    }
    if (what === 'templates/apikeys') return sendJson(200, keyTemplates(org));
    if (HOSTILE_ORGS[org] && (what === 'apikeys' || what === 'privileges/apikeys')) {
      hostileJson[org] ??= HOSTILE_ORGS[org]();
      const made = hostileJson[org];
      const list = what === 'apikeys' ? made.keys ?? testOrgKeys() : made.privileges ?? testOrgPrivileges();
      made[what] ??= JSON.stringify(list);
      return send(200, made[what]);
    }
    if (what === 'apikeys') {
      if (org === 'bigorg' || org === 'hugeorg') {
        bigKeysJson[org] ??= JSON.stringify(bigOrgKeys(org === 'bigorg' ? 10_000 : 50_000));
        return send(200, bigKeysJson[org]);
      }
      if (org === 'wideorg') return sendJson(200, wideKey());
      if (org === 'exposedorg') return sendJson(200, exposedOrgKeys());
      if (org === 'auditorg') {
        bigKeysJson[org] ??= JSON.stringify(auditOrgKeys());
        return send(200, bigKeysJson[org]);
      }
      if (org === 'otherorg') return sendJson(200, [{ id: 'otherorgkey0000000000000001', displayName: 'The other org key' }]);
      return sendJson(200, testOrgKeys());
    }
    if (what === 'privileges/apikeys' && org === 'bigprivorg') return sendJson(200, manyPrivileges());
    if (what === 'privileges/apikeys') {
      const all = testOrgPrivileges();
      const custom = url.searchParams.get('filter') === 'CUSTOM';
      return sendJson(200, custom ? all.filter((p) => p.owner !== 'PLATFORM') : all);
    }
    return sendJson(200, [{ owner: 'PLATFORM', targetDomain: 'API_KEY', type: 'VIEW', targetId: '*' }]);
  });

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = server.address().port;
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    requests,
    /**
     * Makes the next `times` requests for `org` (only to `route`, such as 'apikeys',
     * 'templates/apikeys' or 'global', when given) behave like `scenario`: a SCENARIO_ORGS
     * name or an object of that shape. The organization list is ORGANIZATION_LIST.
     */
    failNext(org, scenario, { times = 1, route } = {}) {
      const queue = pending.get(org) ?? [];
      queue.push({ scenario: typeof scenario === 'string' ? SCENARIO_ORGS[scenario] : scenario, times, route });
      pending.set(org, queue);
    },
    /** Drops every scenario `failNext` queued and no request used up. */
    clearQueued() {
      pending.clear();
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const api = await startApiServer({ port: Number(process.argv[2] ?? 8123) });
  console.log(`Test Coveo API on ${api.url} (token: ${TEST_TOKEN}; orgs: testorg, otherorg, euorg, bigorg, ${Object.keys(SCENARIO_ORGS).join(', ')})`);
}
