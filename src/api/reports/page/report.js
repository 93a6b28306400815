/**
 * The report page (issue 10, DOMAIN.md §13): a reader pastes a bearer token, picks a period and an
 * optional jurisdiction prefix, and reads GET /reports/supply: totals, bar charts by land use and
 * supply method, tables by grant kind and place, unit prices, pace and problems; the same report
 * downloads as CSV or XLSX. No framework and no build step. Every value from the server is put on
 * the page as text (textContent, attributes, SVG built with createElementNS), never as HTML, and
 * every figure is the API's own string or integer: nothing is rounded or re-computed for display.
 */

import { $, build, clearMessage, el, fact, showMessage, startSession, text } from '/pages/session.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

const svg = (tag, attributes = {}, ...children) => build(document.createElementNS(SVG_NS, tag), attributes, children);

// Sign-in, the token in this tab's sessionStorage under reports.token, and GET with it (/pages/session.js).
const { session, api, download, renderWho, describeProblem } = startSession({
  tokenKey: 'reports.token',
  query: 'query',
  onSignedOut: () => {
    $('report').hidden = true;
  },
  onSignIn: () => fromHash(),
  onSignOut: () => {
    view.generation += 1;
    view.report = null;
  },
  // A failed request as a message: the problem and every `errors[]` entry with its field.
  problems: {
    leads: { 400: '请求有误 Bad request' },
    more: (p) =>
      Array.isArray(p.errors) && p.errors.length > 0
        ? [
            el(
              'ul',
              { class: 'problem-errors' },
              p.errors.map((e) =>
                el(
                  'li',
                  {},
                  el('code', { class: 'problem-field' }, text(e?.field)),
                  `: ${text(e?.message)}`,
                  e?.rule ? el('span', { class: 'muted' }, ` (${String(e.rule)})`) : null,
                ),
              ),
            ),
          ]
        : [],
  },
});

// ---------------------------------------------------------------------------------------------
// The query: period, jurisdiction prefix, problems day; kept in the address's fragment

const readHash = () => {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return {
    asked: params.has('period'),
    period: params.get('period') ?? '',
    jurisdiction: params.get('jurisdiction') ?? '',
    on: params.get('on') ?? '',
  };
};

const hashOf = (query) => {
  const params = new URLSearchParams();
  // The period always (an empty one is asked for too, and answered with the server's 400).
  for (const [key, value] of Object.entries(query)) if (key === 'period' || value !== '') params.set(key, value);
  return `#${params.toString()}`;
};

const reportPath = (query, format) => {
  const params = new URLSearchParams({ period: query.period });
  if (query.jurisdiction !== '') params.set('jurisdiction', query.jurisdiction);
  if (query.on !== '') params.set('on', query.on);
  params.set('format', format);
  return `/reports/supply?${params.toString()}`;
};

/** The quarter today is in (Asia/Shanghai), and labels around it for the period field's list. */
const suggestions = () => {
  const now = new Date(Date.now() + 8 * 3600_000);
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const labels = [];
  for (const y of [year, year - 1]) {
    labels.push(`${y}`, `${y}H1`, `${y}H2`, `${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`);
  }
  return { current: `${year}Q${quarter}`, labels };
};

const view = {
  query: null,
  report: null,
  /** Bumped on every load, so a late answer to an earlier one is dropped. */
  generation: 0,
};

// ---------------------------------------------------------------------------------------------
// Numbers as the API wrote them

/**
 * Fen per m² ('1234.56', exact) as yuan per m² ('12.3456'): the decimal point moved two places,
 * every digit kept, so it is the same number and not a rounding of it.
 */
const fenToYuan = (fen) => {
  if (typeof fen !== 'string' || !/^-?\d+(\.\d+)?$/.test(fen)) return null;
  const negative = fen.startsWith('-');
  const [whole, fraction = ''] = fen.replace(/^-/, '').split('.');
  const padded = whole.padStart(3, '0');
  const int = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}${int}.${padded.slice(-2)}${fraction}`;
};

/** A figure's value for the chosen measure (the API's string or integer) and its unit. */
const MEASURES = {
  areaHa: { unit: '公顷 ha', value: (f) => f.areaHa },
  parcels: { unit: '宗 parcels', value: (f) => f.parcels },
  priceWanYuan: { unit: '万元', value: (f) => f.priceWanYuan },
};

// ---------------------------------------------------------------------------------------------
// Charts: inline SVG built node by node

const CHART_WIDTH = 760;
const ROW_HEIGHT = 30;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 150;
const BAR_SPACE = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 12;

/** Bar length in the chart's units: proportional to the value (the number only sizes the bar). */
const barLength = (value, max) => {
  const n = Number(value);
  if (!(max > 0) || !(n > 0)) return 0;
  return Math.max(1, (n / max) * BAR_SPACE);
};

/**
 * A horizontal bar chart: one `g.bar` per item with its label, its bar and its value written out.
 * `centred` draws the bars around a middle line (the pace funnel).
 */
const barChart = (items, { caption, centred = false, className = '' }) => {
  if (items.length === 0) return el('p', { class: 'muted empty' }, '无 None');
  const max = Math.max(0, ...items.map((item) => Number(item.value)).filter((n) => Number.isFinite(n)));
  const top = 22;
  const height = top + items.length * ROW_HEIGHT + 4;
  const root = svg('svg', {
    viewBox: `0 0 ${CHART_WIDTH} ${height}`,
    width: CHART_WIDTH,
    height,
    class: className,
    'aria-hidden': 'true',
  });
  root.append(svg('text', { class: 'caption', x: LABEL_WIDTH, y: 14 }, caption));
  items.forEach((item, index) => {
    const y = top + index * ROW_HEIGHT;
    const length = barLength(item.value, max);
    const x = centred ? LABEL_WIDTH + (BAR_SPACE - length) / 2 : LABEL_WIDTH;
    const bar = svg(
      'g',
      { class: 'bar', 'data-code': item.code, 'data-value': String(item.value), transform: `translate(0 ${y})` },
      svg('title', {}, `${item.label}: ${item.value}`),
      svg(
        'text',
        { class: 'label', x: LABEL_WIDTH - 8, y: ROW_HEIGHT / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        item.label,
      ),
      svg('rect', { class: 'track', x: LABEL_WIDTH, y: 4, width: BAR_SPACE, height: ROW_HEIGHT - 8, rx: 2 }),
      svg('rect', { class: 'bar-fill', x, y: 4, width: length, height: ROW_HEIGHT - 8, rx: 2 }),
      svg(
        'text',
        {
          class: 'value',
          x: centred ? LABEL_WIDTH + BAR_SPACE + 8 : LABEL_WIDTH + length + 6,
          y: ROW_HEIGHT / 2,
          'dominant-baseline': 'middle',
        },
        String(item.value),
      ),
    );
    root.append(bar);
  });
  return root;
};

const renderCharts = () => {
  const report = view.report;
  if (report === null) return;
  const measure = MEASURES[$('measure').value] ?? MEASURES.areaHa;
  const items = (figures, label) => figures.map((f) => ({ code: f.code, label: label(f), value: measure.value(f) }));
  $('chart-land-use').replaceChildren(
    barChart(
      items(report.byLandUse ?? [], (f) => `${f.code} ${f.name}`),
      { caption: measure.unit },
    ),
  );
  $('chart-supply-method').replaceChildren(
    barChart(
      items(report.bySupplyMethod ?? [], (f) => f.name),
      { caption: measure.unit },
    ),
  );
};

// ---------------------------------------------------------------------------------------------
// Tables and facts

const FIGURE_COLUMNS = [
  ['代码 Code', (f) => f.code, ''],
  ['名称 Name', (f) => f.name, ''],
  ['宗数 Parcels', (f) => f.parcels, 'num'],
  ['面积(公顷) ha', (f) => f.areaHa, 'num'],
  ['价款(万元)', (f) => f.priceWanYuan, 'num'],
  ['加权平均单价(分/m²)', (f) => f.unitPrice?.weightedMeanFenPerM2, 'num'],
  ['已交地 Delivered', (f) => f.pace?.delivered, 'num'],
  ['已开工 Started', (f) => f.pace?.started, 'num'],
  ['已竣工 Completed', (f) => f.pace?.completed, 'num'],
  ['疑似闲置 Idle', (f) => f.problems?.idle, 'num'],
  ['欠缴 Overdue', (f) => f.problems?.paymentOverdue, 'num'],
  ['逾期 Late', (f) => f.problems?.late, 'num'],
  ['预警 Alerts', (f) => f.problems?.withAlerts, 'num'],
  ['超时 SLA', (f) => f.problems?.slaBreached, 'num'],
];

const renderFiguresTable = (id, figures) => {
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      FIGURE_COLUMNS.map(([header, , cls]) => el('th', { scope: 'col', class: cls || null }, header)),
    ),
  );
  const rows =
    figures.length === 0
      ? [el('tr', {}, el('td', { colspan: FIGURE_COLUMNS.length, class: 'muted' }, '无 None'))]
      : figures.map((f) =>
          el(
            'tr',
            { 'data-code': f.code },
            FIGURE_COLUMNS.map(([, value, cls], i) =>
              el(i === 0 ? 'th' : 'td', { class: cls || null, scope: i === 0 ? 'row' : null }, text(value(f))),
            ),
          ),
        );
  $(id).replaceChildren(head, el('tbody', {}, rows));
};

const UNIT_PRICE_FACTS = [
  ['minFenPerM2', '最低 Min'],
  ['maxFenPerM2', '最高 Max'],
  ['meanFenPerM2', '平均 Mean'],
  ['medianFenPerM2', '中位 Median'],
  ['weightedMeanFenPerM2', '加权平均 Weighted mean (total price / total area)'],
];

const unitPriceValue = (fen) => {
  if (fen === null || fen === undefined) return '—';
  const yuan = fenToYuan(fen);
  return [
    el('span', { class: 'num value' }, String(fen)),
    ' 分/m²',
    yuan === null ? '' : el('span', { class: 'muted' }, `（${yuan} 元/m²）`),
  ];
};

const PROBLEMS = [
  ['idle', '疑似闲置 Suspected idle'],
  ['paymentOverdue', '欠缴价款 Payment overdue'],
  ['late', '逾期开竣工 Late start or completion'],
  ['withAlerts', '有预警 With alerts'],
  ['slaBreached', '超时限 SLA breached'],
];

const KIND_NAMES = { YEAR: '年度 year', HALF: '半年 half', QUARTER: '季度 quarter', MONTH: '月 month' };

const renderReport = (report) => {
  view.report = report;
  const totals = report.totals;
  const period = report.period;
  $('report-title').textContent = `土地供应 Land supply · ${period.label}`;
  $('report-facts').replaceChildren(
    ...fact('报告期 Period', `${period.label}（${KIND_NAMES[period.kind] ?? period.kind}）`, 'fact-period'),
    ...fact('起止 From – to', `${period.from} – ${period.to}`),
    ...fact('报送期限 Report due', text(period.reportDueOn)),
    ...fact('辖区 Jurisdiction', report.jurisdiction ?? '令牌辖区全部 all of the token’s', 'fact-jurisdiction'),
    ...fact('问题判定日 Problems judged on', text(report.on)),
    ...fact('进度截至 Pace as of', text(report.paceAsOf)),
    ...fact('日志位置 Log position', text(report.position)),
  );

  $('total-parcels').textContent = String(totals.parcels);
  $('total-area').textContent = String(totals.areaHa);
  $('total-price').textContent = String(totals.priceWanYuan);

  renderCharts();
  renderFiguresTable('table-grant-kind', report.byGrantKind ?? []);
  renderFiguresTable('table-residential', report.byResidentialSubclass ?? []);
  renderFiguresTable('table-city', report.byCity ?? []);
  renderFiguresTable('table-division', report.byDivision ?? []);

  const unit = totals.unitPrice ?? {};
  $('unit-price').replaceChildren(
    ...fact('计价宗数 Priced grants', text(unit.grants), 'unit-grants'),
    ...UNIT_PRICE_FACTS.flatMap(([key, label]) => fact(label, unitPriceValue(unit[key]), `unit-${key}`)),
  );

  const pace = totals.pace ?? {};
  $('pace-note').textContent = `截至 as of ${text(report.paceAsOf)}（报告期末 the period's last day）`;
  $('chart-pace').replaceChildren(
    barChart(
      [
        { code: 'granted', label: '已供应 Granted', value: totals.parcels },
        { code: 'delivered', label: '已交地 Delivered', value: pace.delivered },
        { code: 'started', label: '已开工 Started', value: pace.started },
        { code: 'completed', label: '已竣工 Completed', value: pace.completed },
      ],
      { caption: '宗 parcels', centred: true, className: 'pace' },
    ),
  );

  const problems = totals.problems ?? {};
  $('problems-note').textContent = `判定日 judged on ${text(report.on)}`;
  $('problems').replaceChildren(
    ...PROBLEMS.flatMap(([key, label]) => fact(label, text(problems[key]), `problem-${key}`)),
  );
  $('report').hidden = false;
};

// ---------------------------------------------------------------------------------------------
// Loading and downloading

const load = async ({ period, jurisdiction, on }) => {
  const query = { period, jurisdiction, on };
  view.generation += 1;
  const generation = view.generation;
  view.query = query;
  $('period').value = query.period;
  $('jurisdiction').value = query.jurisdiction;
  $('on').value = query.on;
  clearMessage();
  try {
    const report = await api(reportPath(query, 'json'));
    if (generation !== view.generation) return;
    renderReport(report);
  } catch (error) {
    if (generation !== view.generation) return;
    $('report').hidden = true;
    view.report = null;
    showMessage(describeProblem(error));
  }
};

const fromHash = () => {
  const query = readHash();
  if (query.asked && session.token !== null) void load(query);
};

/** The same report as CSV or XLSX: fetched with the token, saved from a blob URL. */
const downloadReport = async (format) => {
  const query = view.query;
  if (query === null) return;
  await download(reportPath(query, format), {
    button: $(`download-${format}`),
    fallbackName: `supply-${query.period}.${format}`,
  });
};

// ---------------------------------------------------------------------------------------------
// Start

const init = () => {
  const { current, labels } = suggestions();
  $('period-suggestions').replaceChildren(...labels.map((label) => el('option', { value: label })));
  const initial = readHash();
  $('period').value = initial.period || current;
  $('jurisdiction').value = initial.jurisdiction;
  $('on').value = initial.on;

  $('query-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = {
      period: $('period').value.trim(),
      jurisdiction: $('jurisdiction').value.trim(),
      on: $('on').value,
    };
    const hash = hashOf(query);
    // The server judges the period (400 naming `period` when it is not one); the page does not.
    if (location.hash === hash) void load(query);
    else location.hash = hash;
  });
  $('measure').addEventListener('change', renderCharts);
  $('download-csv').addEventListener('click', () => void downloadReport('csv'));
  $('download-xlsx').addEventListener('click', () => void downloadReport('xlsx'));
  window.addEventListener('hashchange', fromHash);
  renderWho();
  fromHash();
};

init();
