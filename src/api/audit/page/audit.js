/**
 * The audit page: a reader pastes a bearer token, looks up a parcel, a decision, a person or a
 * credit archive, and reads what the audit routes answer. No framework and no build step. Every
 * value from the server is put on the page as text (textContent / attributes), never as HTML.
 */

import { $, ProblemError, clearMessage, el, fact, showMessage, startSession, text } from '/pages/session.js';

/** Events per page of the timeline; `?limit=N` in the page's address changes it (1–500). */
const PAGE_SIZE = (() => {
  const asked = Number(new URLSearchParams(location.search).get('limit'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 500 ? asked : 50;
})();

// Sign-in, the token in this tab's sessionStorage under audit.token, and GET with it (/pages/session.js).
const { session, api, download, renderWho, describeProblem } = startSession({
  tokenKey: 'audit.token',
  query: 'lookup',
  onSignedOut: () => hideViews(),
  onSignIn: () => fromHash(),
  onSignOut: () => {
    view.generation += 1;
  },
  // A failed request as a message: the problem and the rule it names.
  problems: {
    more: (p) => (p.rule ? [' ', el('span', { class: 'muted' }, `rule ${String(p.rule)}`)] : []),
  },
});

const enc = encodeURIComponent;

// ---------------------------------------------------------------------------------------------
// Dates

/** The calendar day in Asia/Shanghai of an ISO instant. */
const shanghaiDay = (iso) => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return String(iso).slice(0, 10);
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 10);
};
const shanghaiTime = (iso) => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return text(iso);
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
};

// ---------------------------------------------------------------------------------------------
// What is being looked at

const KINDS = {
  parcel: { label: '宗地 Parcel', history: (id) => `/parcels/${enc(id)}/history`, bundle: true, asOf: true },
  decision: { label: '集体决策 Decision', history: (id) => `/decisions/${enc(id)}/history`, bundle: true },
  credit: { label: '信用档案 Credit archive', history: (id) => `/land-users/${enc(id)}/credit/history` },
  person: { label: '人员 Person' },
};

const view = {
  kind: null,
  id: null,
  stream: null,
  items: [],
  nextCursor: null,
  type: '',
  types: new Set(),
  asOf: '',
  /** Bumped on every new look-up, so a late answer to an earlier one is dropped. */
  generation: 0,
};

const hideViews = () => {
  for (const id of ['subject', 'trail', 'person', 'asof-view']) $(id).hidden = true;
};

// ---------------------------------------------------------------------------------------------
// Timeline

/** Rule ids and anchors found in an event's data (`rule`, `ruleId`, `rules`, `anchor…`), nested too. */
const rulesOf = (data) => {
  const found = new Set();
  const walk = (value, depth) => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'rule' || key === 'ruleId') && typeof inner === 'string') found.add(inner);
      else if (key === 'rules' && Array.isArray(inner)) inner.forEach((r) => typeof r === 'string' && found.add(r));
      else if (/^anchor/i.test(key) && (typeof inner === 'string' || typeof inner === 'number')) {
        found.add(`${key}: ${inner}`);
      } else walk(inner, depth + 1);
    }
  };
  walk(data, 0);
  return [...found];
};

/** The document behind an event: the envelope's documentNo, else a document number in its data. */
const documentOf = (item) => {
  if (item.metadata?.documentNo) return item.metadata.documentNo;
  const data = item.data ?? {};
  if (typeof data.documentNo === 'string') return data.documentNo;
  // A grant keeps it with its terms (data.terms.documentNo).
  for (const inner of Object.values(data)) {
    if (inner !== null && typeof inner === 'object' && typeof inner.documentNo === 'string') return inner.documentNo;
  }
  const key = Object.keys(data).find(
    (k) => /No$/.test(k) && !['supervisionNo', 'instalmentNo'].includes(k) && typeof data[k] === 'string',
  );
  return key === undefined ? null : data[key];
};

const isAfterAsOf = (item) => view.asOf !== '' && shanghaiDay(item.metadata?.occurredAt ?? '') > view.asOf;

const timelineRow = (item) => {
  const m = item.metadata ?? {};
  const actor = m.actor ?? {};
  const after = isAfterAsOf(item);
  const rules = rulesOf(item.data);
  return el(
    'tr',
    { class: after ? 'after-asof' : null, 'data-revision': item.revision, 'data-type': item.type },
    el('td', { class: 'rev' }, String(item.revision)),
    el(
      'td',
      { class: 'occurred' },
      el('time', { datetime: m.occurredAt ?? '' }, shanghaiTime(m.occurredAt)),
      after ? el('span', { class: 'badge' }, '晚于截至日 after as-of') : null,
    ),
    el('td', { class: 'type' }, el('code', {}, text(item.type))),
    el('td', { class: 'actor' }, text(actor.name), ' ', el('span', { class: 'tag' }, text(actor.role))),
    el('td', { class: 'document' }, text(documentOf(item))),
    el(
      'td',
      { class: 'decision' },
      m.decisionId
        ? el('button', { type: 'button', class: 'link', onclick: () => go('decision', m.decisionId) }, m.decisionId)
        : '—',
    ),
    el('td', { class: 'rules' }, rules.length === 0 ? '—' : rules.join(', ')),
    el('td', { class: 'reason' }, text(m.reason)),
  );
};

const renderTimeline = () => {
  $('timeline').tBodies[0].replaceChildren(...view.items.map(timelineRow));
  $('load-more').hidden = view.nextCursor === null || view.nextCursor === undefined;
  $('timeline-count').textContent =
    `已显示 ${view.items.length} 条${view.type ? `（${view.type}）` : ''} · ${view.items.length} shown` +
    (view.nextCursor ? ' · 还有更多 more available' : '');
  const filter = $('type-filter');
  const options = [
    el('option', { value: '' }, '全部 All'),
    ...[...view.types].sort().map((t) => el('option', { value: t }, t)),
  ];
  filter.replaceChildren(...options);
  filter.value = view.type;
};

const renderVerdict = (chain) => {
  const box = $('verdict');
  if (!chain) {
    box.className = 'verdict';
    box.textContent = '哈希链：未知 Hash chain: unknown';
    return;
  }
  if (chain.status === 'ok') {
    box.className = 'verdict ok';
    box.replaceChildren(
      `✔ 哈希链完整 Hash chain ok — ${chain.events} 个事件 events`,
      chain.lastHash ? el('br') : '',
      chain.lastHash ? el('code', { class: 'last-hash' }, `last hash ${chain.lastHash}`) : '',
    );
  } else {
    const at = chain.brokenAt ?? {};
    box.className = 'verdict broken';
    box.textContent = `✘ 哈希链断裂 Hash chain broken at revision ${text(at.revision)}: ${text(at.reason)}${
      at.eventId ? ` (event ${at.eventId})` : ''
    }`;
  }
};

const renderDigest = async (generation) => {
  const line = $('digest');
  line.textContent = '';
  try {
    const digest = await api('/digests/latest');
    if (generation !== view.generation) return;
    line.replaceChildren(...digestLine(digest));
  } catch (error) {
    if (generation !== view.generation) return;
    line.textContent =
      error instanceof ProblemError && error.status === 404
        ? '尚无日志摘要 No log digest yet'
        : `日志摘要不可用 Log digest unavailable (${error.message})`;
  }
};

/** The latest log digest in one line: its root and the cut it covers. */
const digestLine = (d) => [
  `日志摘要 Latest log digest #${text(d.sequence)}: `,
  el('code', { class: 'digest-root' }, text(d.root)),
  ` · ${text(d.streams)} streams, ${text(d.events)} events up to ${text(d.upTo)} · ${shanghaiTime(d.recordedAt)}`,
];

const historyUrl = (cursor) => {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  if (view.type) params.set('type', view.type);
  return `${KINDS[view.kind].history(view.id)}?${params}`;
};

const loadHistory = async ({ more = false } = {}) => {
  const generation = view.generation;
  const page = await api(historyUrl(more ? view.nextCursor : null));
  if (generation !== view.generation) return;
  view.stream = page.stream;
  view.items = more ? [...view.items, ...page.items] : page.items;
  view.nextCursor = page.nextCursor ?? null;
  for (const item of page.items) view.types.add(item.type);
  renderVerdict(page.chain);
  renderTimeline();
};

// ---------------------------------------------------------------------------------------------
// As of a date (parcels)

const loadAsOf = async () => {
  renderTimeline();
  const section = $('asof-view');
  if (view.asOf === '' || !KINDS[view.kind].asOf) {
    section.hidden = true;
    return;
  }
  const generation = view.generation;
  const then = await api(`/parcels/${enc(view.id)}?asOf=${enc(view.asOf)}`);
  if (generation !== view.generation) return;
  $('asof-title').textContent = `截至 ${view.asOf} 的状态 · As of ${view.asOf}`;
  $('asof-facts').replaceChildren(
    ...fact('状态 Status', el('strong', { id: 'asof-status' }, text(then.status))),
    ...fact('当时版本 Revision then', text(then.revision)),
    ...fact('已折叠事件 Events folded', text(then.eventsFolded)),
    ...fact('折叠至 Folded up to', then.asOf ? shanghaiTime(then.asOf) : `revision ${text(then.atRevision)}`),
    ...fact('政策 / 日历版本 Policy / calendar', `${text(then.policyVersion)} / ${text(then.calendarVersion)}`),
  );
  const deadlines = Array.isArray(then.deadlines) ? then.deadlines : [];
  $('asof-deadlines').tBodies[0].replaceChildren(
    ...(deadlines.length === 0
      ? [el('tr', {}, el('td', { colspan: 4 }, '无 None'))]
      : deadlines.map((d) =>
          el(
            'tr',
            {},
            el('td', { class: 'rule' }, text(d.rule)),
            el('td', {}, text(d.dueDate), d.provisional ? el('span', { class: 'badge' }, '暂定 provisional') : null),
            el('td', {}, text(d.subject)),
            el(
              'td',
              { class: 'muted' },
              [
                text(d.description),
                d.anchorDate ? `起算 anchor ${d.anchorDate}` : '',
                d.unit ? `unit ${d.unit}` : '',
                d.review ? `复核 review ${text(d.review.status)} → ${text(d.review.proposedDate)}` : '',
              ]
                .filter((part) => part !== '')
                .join(' · '),
            ),
          ),
        )),
  );
  section.hidden = false;
};

// ---------------------------------------------------------------------------------------------
// Decision trail

const list = (items, render) =>
  !Array.isArray(items) || items.length === 0
    ? el('p', { class: 'muted' }, '无 None')
    : el(
        'ul',
        {},
        items.map((item) => el('li', {}, render(item))),
      );

const table = (id, headings, rows) =>
  el(
    'table',
    { id },
    el('thead', {}, el('tr', {}, ...headings.map((heading) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows),
  );

const opinionText = (o) =>
  `${text(o.stance)} — ${text(o.text)} (${text(o.item?.kind)} ${text(o.item?.id)}, ${shanghaiTime(o.recordedAt)})`;

const yuan = (fen) => `${(Number(fen) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;

const guardsText = (guards) =>
  Array.isArray(guards) && guards.length > 0
    ? `${guards.filter((g) => g.passed).length}/${guards.length} 项检查通过 checks passed`
    : '';

/** The reserve price of one parcel: sealed (no value exists to show) or disclosed after the deal. */
const reservePriceText = (r) => {
  if (!r) return '未决定 not decided';
  const decided = `${shanghaiTime(r.decidedAt)}，${(r.decidedBy ?? []).map((m) => m.person).join('、') || '—'}`;
  if (r.status !== 'DISCLOSED') {
    return `密封 SEALED — 决定于 decided ${decided}；承诺值 commitment ${String(r.commitment ?? '').slice(0, 16)}…`;
  }
  return (
    `已公开 DISCLOSED — ${yuan(r.valueFen)}，公开于 disclosed ${shanghaiTime(r.disclosedAt)}` +
    `；${r.reserveMet ? '达到底价 reserve met' : '未达底价 reserve not met'}` +
    `；承诺值核验 commitment ${r.commitmentVerified ? '✔ verified' : '✘ NOT verified'}`
  );
};

const personButton = (personId, label) =>
  el('button', { type: 'button', class: 'link', onclick: () => go('person', personId) }, text(label));
const parcelButton = (parcelId) =>
  el('button', { type: 'button', class: 'link', onclick: () => go('parcel', parcelId) }, text(parcelId));

const renderTrail = (trail) => {
  const meeting = trail.meeting ?? {};
  const body = [
    el('h3', {}, '会议 Meeting'),
    el(
      'dl',
      { class: 'facts' },
      ...fact('会议时间 Held', shanghaiTime(meeting.heldAt)),
      ...fact('纪要 Minutes', text(meeting.minutesNo)),
      ...fact('辖区 Jurisdiction', text(trail.jurisdiction ?? meeting.jurisdiction)),
      ...fact('状态 Status', text(trail.status)),
      ...fact('议题宗地 Agenda parcels', text(meeting.agenda?.parcelIds?.join(', '))),
    ),
    el('h3', {}, '参会人员与意见 Participants and opinions'),
    table(
      'trail-participants',
      ['人员 Person', '部门 Department', '会上角色 Role', '意见 Opinions'],
      (trail.participants ?? []).map((p) =>
        el(
          'tr',
          {},
          el('td', {}, personButton(p.participantId ?? p.person, p.person)),
          el('td', {}, text(p.departmentName ?? p.department)),
          el('td', {}, text(p.role)),
          el('td', {}, list(p.opinions, opinionText)),
        ),
      ),
    ),
    el('h3', {}, '供应方案 Approved supply plans'),
    list(trail.approvedPlans, (plan) =>
      [
        text(plan.supplyPlanId),
        ` · ${text(plan.approver?.name)}（${text(plan.approver?.office)}）`,
        ` · ${shanghaiTime(plan.approvedAt)}`,
        ` · ${(plan.parcelIds ?? []).join(', ')}`,
        guardsText(plan.guards) ? ` · ${guardsText(plan.guards)}` : '',
      ].join(''),
    ),
    el('h3', {}, '价格链 Price trail'),
    table(
      'trail-prices',
      ['宗地 Parcel', '底价 Reserve price', '起始价 Starting price', '成交 Deal'],
      (trail.parcels ?? []).map((p) =>
        el(
          'tr',
          {},
          el('td', {}, parcelButton(p.parcelId)),
          el('td', { class: 'reserve-price' }, reservePriceText(p.reservePrice)),
          el('td', {}, p.startingPrice ? yuan(p.startingPrice.startingPriceFen) : '—'),
          el(
            'td',
            {},
            p.deal
              ? `${yuan(p.deal.dealPriceFen)} · ${text(p.deal.winner?.name)} · ${text(p.deal.confirmationNo)}`
              : '—',
          ),
        ),
      ),
    ),
    el('h3', {}, '据此供应的宗地 Parcels granted under it'),
    table(
      'trail-granted',
      ['宗地 Parcel', '状态 Status', '用地单位 Land user', '文号 Document', '信用记录 Credit entries'],
      (trail.grantedParcels ?? []).map((p) =>
        el(
          'tr',
          {},
          el('td', {}, parcelButton(p.parcelId)),
          el('td', {}, text(p.status)),
          el('td', {}, text(p.landUserId)),
          el('td', {}, text(p.documentNo)),
          el('td', {}, String(p.creditEntries?.length ?? 0)),
        ),
      ),
    ),
    el('h3', {}, '操作人 Actors'),
    list(
      trail.actors,
      (a) =>
        `${text(a.name)} (${text(a.role)}, ${text(a.jurisdiction)}) · ${text(a.id)} · ${a.eventIds?.length ?? 0} 个事件 events`,
    ),
    el('h3', {}, '文件 Documents'),
    list(
      trail.documents,
      (d) => `${text(d.documentNo)} · ${text(d.kind)} · ${text(d.eventType)} (rev ${text(d.revision)})`,
    ),
  ];
  $('trail-title').textContent = `决策链 Decision trail · ${view.id}`;
  $('trail-body').replaceChildren(...body);
  $('trail').hidden = false;
};

// ---------------------------------------------------------------------------------------------
// A person's decisions

const renderPerson = (answer) => {
  const items = Array.isArray(answer?.items) ? answer.items : [];
  $('person-title').textContent = `${view.id} 参与的决策 · Decisions of ${view.id}`;
  $('person-decisions').tBodies[0].replaceChildren(
    ...(items.length === 0
      ? [el('tr', {}, el('td', { colspan: 5 }, '无 None'))]
      : items.map((d) =>
          el(
            'tr',
            {},
            el(
              'td',
              {},
              el(
                'button',
                { type: 'button', class: 'link', onclick: () => go('decision', d.decisionId) },
                d.decisionId,
              ),
              el('br'),
              el('span', { class: 'muted' }, text(d.minutesNo)),
            ),
            el('td', {}, shanghaiTime(d.heldAt)),
            el('td', {}, text(d.jurisdiction)),
            el('td', {}, [...(d.roles ?? []), ...(d.meetingRoles ?? [])].join(', ') || '—'),
            el('td', {}, list(d.opinions, opinionText)),
          ),
        )),
  );
  $('person-truncated').hidden = !answer?.truncated;
  $('person').hidden = false;
};

// ---------------------------------------------------------------------------------------------
// Opening a subject

const open = async (kind, id) => {
  view.generation += 1;
  Object.assign(view, { kind, id, stream: null, items: [], nextCursor: null, type: '', types: new Set() });
  clearMessage();
  hideViews();
  $('lookup-kind').value = kind;
  $('lookup-id').value = id;
  const generation = view.generation;
  try {
    if (kind === 'person') {
      renderPerson(await api(`/people/${enc(id)}/decisions`));
      return;
    }
    const spec = KINDS[kind];
    $('subject-title').textContent = `${spec.label} · ${id}`;
    $('download').hidden = !spec.bundle;
    $('asof-controls').hidden = !spec.asOf;
    await loadHistory();
    if (generation !== view.generation) return;
    $('subject').hidden = false;
    void renderDigest(generation);
    if (view.asOf && spec.asOf) await loadAsOf();
    if (kind === 'decision') renderTrail(await api(`/decisions/${enc(id)}/trail`));
  } catch (error) {
    if (generation === view.generation) showMessage(describeProblem(error));
  }
};

/** Navigation goes through the URL's fragment, so back and forward and links work. */
const go = (kind, id) => {
  const hash = `#${kind}/${enc(id)}`;
  if (location.hash === hash) void open(kind, id);
  else location.hash = hash;
};

const fromHash = () => {
  const match = /^#(parcel|decision|person|credit)\/(.+)$/.exec(location.hash);
  if (match && session.token !== null) void open(match[1], decodeURIComponent(match[2]));
};

// ---------------------------------------------------------------------------------------------
// Audit bundle

const downloadBundle = async () => {
  const { kind, id } = view;
  await download(`/${kind === 'parcel' ? 'parcels' : 'decisions'}/${enc(id)}/audit-bundle`, {
    button: $('download'),
    fallbackName: `${kind}-${id}-audit-bundle.ndjson`,
  });
};

// ---------------------------------------------------------------------------------------------
// Start

const init = () => {
  $('lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = $('lookup-id').value.trim();
    if (id !== '') go($('lookup-kind').value, id);
  });
  $('type-filter').addEventListener('change', () => {
    view.type = $('type-filter').value;
    view.items = [];
    view.nextCursor = null;
    loadHistory().catch((error) => showMessage(describeProblem(error)));
  });
  $('load-more').addEventListener('click', () => {
    loadHistory({ more: true }).catch((error) => showMessage(describeProblem(error)));
  });
  $('asof').addEventListener('change', () => {
    view.asOf = $('asof').value;
    loadAsOf().catch((error) => showMessage(describeProblem(error)));
  });
  $('asof-clear').addEventListener('click', () => {
    $('asof').value = '';
    view.asOf = '';
    loadAsOf().catch((error) => showMessage(describeProblem(error)));
  });
  $('download').addEventListener('click', () => void downloadBundle());
  window.addEventListener('hashchange', fromHash);
  renderWho();
  fromHash();
};

init();
