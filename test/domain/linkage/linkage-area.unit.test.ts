/**
 * The linkage project area (DOMAIN.md §9): filing, T35 monthly progress, T36 acceptance filing, the
 * §9.3 modification workflow in both texts (MLR and Sichuan) and the §9.4 plot checks L1–L4.
 */
import t, { type Test } from 'tap';
import { DomainError } from '../../../src/domain/errors.js';
import {
  ADJUSTMENT_TRIGGERS,
  LINKAGE_COMMANDS,
  linkageDecider,
  linkageStream,
  linkageVariantFor,
  type LinkageCommand,
  type LinkageEvent,
  type LinkageState,
  type Plot,
} from '../../../src/domain/linkage/index.js';

const NOW = '2026-03-20T09:00:00+08:00';
const province = { id: 'u-prov-1', role: 'PROVINCE_REVIEWER' };
const city = { id: 'u-city-1', role: 'GRANTOR_ADMIN' };
const ministry = { id: 'u-mlr-1', role: 'MINISTRY' };
type Actor = typeof province;

type Data<T extends LinkageCommand['type']> = Extract<LinkageCommand, { type: T }>['data'];
const cmd = <T extends LinkageCommand['type']>(
  type: T,
  data: Data<T>,
  actor: Actor = city,
  now = NOW,
): LinkageCommand => ({ type, data, context: { now, actor } }) as LinkageCommand;

const plot = (plotId: string, flags: Partial<Plot> = {}): Plot => ({
  plotId,
  areaHa: '2.0000',
  openViolation: false,
  built: false,
  changeSurveyConfirmed: false,
  usedForBalance: false,
  usedToReturnQuota: false,
  ...flags,
});

/** Runs commands in order from `state`, returning the new state and every event. */
const run = (commands: readonly LinkageCommand[], state: LinkageState = linkageDecider.initialState()) => {
  const events: LinkageEvent[] = [];
  let s = state;
  for (const command of commands) {
    for (const event of linkageDecider.decide(command, s)) {
      events.push(event);
      s = linkageDecider.evolve(s, event);
    }
  }
  return { state: s, events };
};

const refuses = (
  t: Test,
  state: LinkageState,
  command: LinkageCommand,
  expected: { code: string; rule?: string; field?: string },
  label = `${command.type} refused with ${expected.code}`,
): DomainError | undefined => {
  try {
    const events = linkageDecider.decide(command, state);
    t.fail(`${label}: accepted with ${events.map((e) => e.type).join(', ')}`);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    t.equal(error.code, expected.code, label);
    if (expected.rule !== undefined) t.equal(error.details.rule, expected.rule, `${label}: rule`);
    if (expected.field !== undefined) t.equal(error.details.field, expected.field, `${label}: field`);
    return error;
  }
};

const approve = (jurisdiction: string) =>
  cmd(
    'ApproveLinkageOverall',
    {
      linkageId: 'LK-1',
      jurisdiction,
      name: '项目区一',
      approvalDocNo: '省批〔2026〕1号',
      approvedOn: '2026-01-10',
      turnoverQuotaHa: '10.0000',
    },
    province,
  );

const basicInfo = cmd('FileLinkageBasicInfo', {
  scaleHa: '20.0000',
  location: '某镇',
  approval: { documentNo: '市批〔2026〕2号', approvedOn: '2026-01-15' },
  demolitionPlots: [plot('CJ-1'), plot('CJ-2', { usedToReturnQuota: true, usedForBalance: true })],
  constructionPlots: [plot('JX-1'), plot('JX-2', { built: true, changeSurveyConfirmed: true })],
});

const filed = (jurisdiction: string) => run([approve(jurisdiction), basicInfo]).state;

const adjust = (trigger: string = 'FARMERS_WISHES_CHANGED') =>
  cmd(
    'ApproveImplementationPlanAdjustment',
    { trigger, documentNo: '省批〔2026〕9号', approvedOn: '2026-03-01', reason: '农民意愿变化' },
    province,
  );
const requestReturn = cmd('RequestRecordReturn', { documentNo: '省函〔2026〕10号' }, province);
const returnRecord = cmd('ReturnRecord', { note: '退回' }, ministry);
const modify = (
  actor: Actor,
  change: {
    movedIn?: { demolition?: Plot[]; construction?: Plot[] };
    movedOut?: { demolition?: Plot[]; construction?: Plot[] };
  } = { movedIn: { demolition: [plot('CJ-3')] }, movedOut: { demolition: [plot('CJ-1')] } },
) =>
  cmd(
    'ModifyRecord',
    {
      movedIn: { demolition: change.movedIn?.demolition ?? [], construction: change.movedIn?.construction ?? [] },
      movedOut: { demolition: change.movedOut?.demolition ?? [], construction: change.movedOut?.construction ?? [] },
      note: '调整',
    },
    actor,
  );
const reviewCmd = (outcome: 'APPROVED' | 'SENT_BACK') =>
  cmd('ReviewRecordModification', { outcome, opinion: '审核' }, province);
const refile = (actor: Actor) => cmd('RefileRecord', { filedOn: '2026-03-20' }, actor);

/** At step RETURNED, ready for ModifyRecord. */
const returned = (jurisdiction: string) => run([adjust(), requestReturn, returnRecord], filed(jurisdiction)).state;

t.test(
  'variant from the jurisdiction: Sichuan (51) follows S2-SC, every other province S2-MLR (§9.3, Q7)',
  async (t) => {
    t.equal(linkageVariantFor('CN-SC-5101'), 'SICHUAN');
    t.equal(linkageVariantFor('CN-SC-510124'), 'SICHUAN');
    t.equal(linkageVariantFor('CN-JS-3201'), 'MLR');
    t.equal(linkageVariantFor('CN-SC'), null, 'a province is not where an area lies');
    t.equal(linkageStream('LK-1'), 'linkage-LK-1');
    const { events } = run([approve('CN-SC-5101')]);
    t.match(events[0], { type: 'LinkageOverallApproved', data: { variant: 'SICHUAN', turnoverQuotaHa: '10.0000' } });
    t.match(run([approve('CN-HB-4201')]).events[0], { data: { variant: 'MLR' } });
    refuses(t, linkageDecider.initialState(), approve('CN-SC'), {
      code: 'LINKAGE_JURISDICTION_INVALID',
      field: 'jurisdiction',
    });
    refuses(t, run([approve('CN-SC-5101')]).state, approve('CN-SC-5101'), { code: 'LINKAGE_ALREADY_APPROVED' });
  },
);

t.test('§9.1 filing order: basic info after the overall approval, once', async (t) => {
  refuses(t, linkageDecider.initialState(), basicInfo, { code: 'LINKAGE_NOT_APPROVED' });
  const state = filed('CN-JS-3201');
  t.equal(state.status, 'BASIC_INFO_FILED');
  refuses(t, state, basicInfo, { code: 'BASIC_INFO_ALREADY_FILED', rule: '§9.3' });
  const dup = cmd('FileLinkageBasicInfo', {
    ...(basicInfo.data as Data<'FileLinkageBasicInfo'>),
    constructionPlots: [plot('CJ-1')],
  });
  refuses(t, run([approve('CN-JS-3201')]).state, dup, {
    code: 'DUPLICATE_PLOT',
    field: 'constructionPlots.0.plotId',
  });
});

const progress = (month: string) =>
  cmd('FileLinkageProgress', {
    month,
    reclaimedAreaHa: '1.0000',
    newConstructionAreaHa: '0.5000',
    farmersResettled: 12,
    fundsUsedFen: 1_000_000,
  });

t.test('T35 monthly progress: one filing per month, a duplicate month refused', async (t) => {
  refuses(t, run([approve('CN-JS-3201')]).state, progress('2026-02'), { code: 'BASIC_INFO_NOT_FILED' });
  const { state, events } = run([progress('2026-01'), progress('2026-02')], filed('CN-JS-3201'));
  t.same(
    events.map((e) => e.type),
    ['LinkageProgressFiled', 'LinkageProgressFiled'],
  );
  t.match(events[1], { data: { month: '2026-02', filedOn: '2026-03-20', fundsUsedFen: 1_000_000 } });
  refuses(t, state, progress('2026-02'), { code: 'PROGRESS_MONTH_ALREADY_FILED', rule: 'T35', field: 'month' });
  refuses(t, state, progress('2026-04'), { code: 'PROGRESS_MONTH_OUT_OF_RANGE', rule: 'T35' }, 'a future month');
  refuses(t, state, progress('2025-12'), { code: 'PROGRESS_MONTH_OUT_OF_RANGE', rule: 'T35' }, 'before approval');
  t.equal(run([progress('2026-03')], state).events.length, 1, 'the current month');
});

const accept = cmd('RecordLinkageAcceptance', { acceptedOn: '2026-03-02', documentNo: '验〔2026〕1号' }, province);
const fileAcceptance = (filedOn: string) =>
  cmd('FileLinkageAcceptance', {
    filedOn,
    reclaimedAreaHa: '4.0000',
    newConstructionAreaHa: '4.0000',
    resettlementCompensationFen: 5_000_000,
    benefitDistribution: '返还农村',
  });

t.test(
  'T36 acceptance filed within 10 working days: on time vs late (recorded and flagged, not refused)',
  async (t) => {
    const state = filed('CN-JS-3201');
    refuses(t, state, fileAcceptance('2026-03-10'), { code: 'LINKAGE_NOT_ACCEPTED', rule: 'T36' });
    const accepted = run([accept], state);
    // 2026-03-02 (Mon) + 10 working days = 2026-03-16 (no holiday in March 2026).
    t.match(accepted.events[0], {
      type: 'LinkageAccepted',
      data: { acceptedOn: '2026-03-02', filingDue: { rule: 'T36', dueDate: '2026-03-16', provisional: false } },
    });
    t.match(run([fileAcceptance('2026-03-16')], accepted.state).events[0], {
      type: 'LinkageAcceptanceFiled',
      data: { rule: 'T36', dueDate: '2026-03-16', late: false, certificateWithheld: false },
    });
    const late = run([fileAcceptance('2026-03-17')], accepted.state);
    t.match(late.events[0], { data: { late: true, certificateWithheld: false } }, 'MLR: late, flagged');
    t.equal(late.state.status, 'ACCEPTANCE_FILED');
    refuses(t, late.state, fileAcceptance('2026-03-18'), { code: 'ACCEPTANCE_ALREADY_FILED' });
    refuses(t, accepted.state, fileAcceptance('2026-03-01'), { code: 'DATE_BEFORE_ANCHOR', field: 'filedOn' });
    refuses(t, accepted.state, progress('2026-03'), { code: 'LINKAGE_ALREADY_ACCEPTED' }, 'no progress after it');

    const sichuan = run([accept, fileAcceptance('2026-03-17')], filed('CN-SC-5101'));
    t.match(sichuan.events[1], { data: { late: true, certificateWithheld: true } }, 'T36 Sichuan: late → no 合格证');
  },
);

t.test('§9.3 triggers: only FARMERS_WISHES_CHANGED and PLAN_ADJUSTMENT', async (t) => {
  const state = filed('CN-JS-3201');
  for (const trigger of ADJUSTMENT_TRIGGERS) {
    t.match(run([adjust(trigger)], state).events[0], {
      type: 'ImplementationPlanAdjustmentApproved',
      data: { trigger },
    });
  }
  refuses(t, state, adjust('LOCAL_PREFERENCE'), {
    code: 'ADJUSTMENT_TRIGGER_NOT_ALLOWED',
    rule: '§9.3',
    field: 'trigger',
  });
  refuses(t, run([adjust()], state).state, adjust(), { code: 'MODIFICATION_ALREADY_OPEN' });
});

t.test('§9.3 MLR variant walked: the province modifies and refiles, no review step', async (t) => {
  const start = filed('CN-JS-3201');
  const { state, events } = run([adjust(), requestReturn, returnRecord, modify(province), refile(province)], start);
  t.same(
    events.map((e) => e.type),
    [
      'ImplementationPlanAdjustmentApproved',
      'RecordReturnRequested',
      'RecordReturned',
      'RecordModified',
      'RecordRefiled',
    ],
  );
  if (state.status === 'NONE') throw new Error('unreachable');
  t.same(
    state.demolitionPlots.map((p) => p.plotId),
    ['CJ-2', 'CJ-3'],
    'CJ-1 moved out, CJ-3 moved in',
  );
  t.equal(state.modification, null);
  t.equal(state.refiledCount, 1);

  const atReturned = returned('CN-JS-3201');
  refuses(t, atReturned, modify(city), { code: 'ROLE_NOT_ALLOWED', rule: 'Q7' }, 'MLR: the city/county may not modify');
  const modified = run([modify(province)], atReturned).state;
  refuses(t, modified, reviewCmd('APPROVED'), { code: 'REVIEW_NOT_IN_VARIANT', rule: '§9.3' });
  refuses(t, modified, refile(city), { code: 'ROLE_NOT_ALLOWED' }, 'MLR: the province refiles');
});

t.test('§9.3 Sichuan variant walked: the city/county modifies, the province reviews (or sends back)', async (t) => {
  const atReturned = returned('CN-SC-5101');
  refuses(t, atReturned, modify(province), { code: 'ROLE_NOT_ALLOWED', rule: 'Q7' }, 'Sichuan: not the province');
  const modified = run([modify(city)], atReturned).state;
  refuses(t, modified, refile(city), { code: 'MODIFICATION_NOT_REVIEWED', rule: '§9.3' });
  const { state, events } = run([reviewCmd('SENT_BACK'), modify(city), reviewCmd('APPROVED'), refile(city)], modified);
  t.same(
    events.map((e) => e.type),
    ['RecordModificationReviewed', 'RecordModified', 'RecordModificationReviewed', 'RecordRefiled'],
  );
  t.match(events[3], { data: { demolitionPlots: [{ plotId: 'CJ-2' }, { plotId: 'CJ-3' }] } });
  if (state.status === 'NONE') throw new Error('unreachable');
  t.equal(state.modification, null);
  refuses(t, run([reviewCmd('APPROVED')], modified).state, modify(city), { code: 'RECORD_ALREADY_MODIFIED' });
});

t.test('§9.3 every step refused out of order, naming the step', async (t) => {
  const state = filed('CN-JS-3201');
  refuses(t, state, requestReturn, { code: 'NO_PLAN_ADJUSTMENT', rule: '§9.3' });
  refuses(t, state, modify(province), { code: 'NO_PLAN_ADJUSTMENT' });
  const adjusted = run([adjust()], state).state;
  refuses(t, adjusted, returnRecord, { code: 'RETURN_NOT_REQUESTED' });
  refuses(t, adjusted, modify(province), { code: 'RETURN_NOT_REQUESTED' });
  const requested = run([requestReturn], adjusted).state;
  refuses(t, requested, requestReturn, { code: 'RETURN_ALREADY_REQUESTED' });
  refuses(t, requested, modify(province), { code: 'RECORD_NOT_RETURNED' });
  const ret = run([returnRecord], requested).state;
  refuses(t, ret, returnRecord, { code: 'RECORD_ALREADY_RETURNED' });
  refuses(t, ret, refile(province), { code: 'RECORD_NOT_MODIFIED' });
  refuses(t, ret, accept, { code: 'MODIFICATION_ALREADY_OPEN' }, 'no acceptance while the record is returned');
  refuses(t, ret, modify(province, { movedOut: { demolition: [plot('CJ-9')] } }), {
    code: 'PLOT_NOT_IN_RECORD',
    field: 'movedOut.demolition.0.plotId',
  });
  refuses(t, ret, modify(province, { movedIn: { construction: [plot('JX-1')] } }), {
    code: 'PLOT_ALREADY_IN_RECORD',
    field: 'movedIn.construction.0.plotId',
  });
});

t.test('§9.4 L1: a plot with an open violation case may not be moved in as 建新', async (t) => {
  for (const jurisdiction of ['CN-JS-3201', 'CN-SC-5101']) {
    const role = jurisdiction === 'CN-SC-5101' ? city : province;
    refuses(
      t,
      returned(jurisdiction),
      modify(role, { movedIn: { construction: [plot('JX-3', { openViolation: true })] } }),
      { code: 'PLOT_NOT_ELIGIBLE', rule: 'L1', field: 'movedIn.construction.0.openViolation' },
      `L1 (${jurisdiction})`,
    );
  }
  t.equal(
    run([modify(province, { movedIn: { construction: [plot('JX-3')] } })], returned('CN-JS-3201')).events.length,
    1,
  );
});

t.test('§9.4 L2: a 建新 plot built and confirmed in the change survey may not be moved out', async (t) => {
  const built = plot('JX-2', { built: true, changeSurveyConfirmed: true });
  refuses(t, returned('CN-JS-3201'), modify(province, { movedOut: { construction: [built] } }), {
    code: 'PLOT_NOT_ELIGIBLE',
    rule: 'L2',
    field: 'movedOut.construction.0.changeSurveyConfirmed',
  });
  refuses(t, returned('CN-SC-5101'), modify(city, { movedOut: { construction: [built] } }), {
    code: 'PLOT_NOT_ELIGIBLE',
    rule: 'L2',
  });
  const builtOnly = plot('JX-2', { built: true });
  t.equal(
    run([modify(province, { movedOut: { construction: [builtOnly] } })], returned('CN-JS-3201')).events.length,
    1,
    'L2: built but not yet confirmed may move out',
  );
});

t.test('§9.4 L3: reclaimed land already used for 占补平衡 may not be moved in as 拆旧', async (t) => {
  refuses(
    t,
    returned('CN-SC-5101'),
    modify(city, { movedIn: { demolition: [plot('CJ-3'), plot('CJ-4', { usedForBalance: true })] } }),
    { code: 'PLOT_NOT_ELIGIBLE', rule: 'L3', field: 'movedIn.demolition.1.usedForBalance' },
  );
});

t.test('§9.4 L4 (MLR text only): land that returned linkage quota is not reused for 占补平衡', async (t) => {
  const doubleUsed = plot('CJ-2', { usedToReturnQuota: true, usedForBalance: true });
  refuses(t, returned('CN-JS-3201'), modify(province, { movedOut: { demolition: [doubleUsed] } }), {
    code: 'PLOT_NOT_ELIGIBLE',
    rule: 'L4',
    field: 'movedOut.demolition.0.usedForBalance',
  });
  t.equal(
    run([modify(city, { movedOut: { demolition: [doubleUsed] } })], returned('CN-SC-5101')).events.length,
    1,
    'L4 is not in the Sichuan text',
  );
});

t.test('§9.4 L1–L4: every failing plot is listed with its rule and field', async (t) => {
  const error = refuses(
    t,
    returned('CN-JS-3201'),
    modify(province, {
      movedIn: {
        construction: [plot('JX-3', { openViolation: true })],
        demolition: [plot('CJ-5', { usedForBalance: true, usedToReturnQuota: true })],
      },
      movedOut: { construction: [plot('JX-2', { built: true, changeSurveyConfirmed: true })] },
    }),
    { code: 'PLOT_NOT_ELIGIBLE', rule: 'L1' },
  );
  t.same(
    (error?.details.errors as { rule: string; field: string }[]).map((e) => [e.rule, e.field]),
    [
      ['L1', 'movedIn.construction.0.openViolation'],
      ['L2', 'movedOut.construction.0.changeSurveyConfirmed'],
      ['L3', 'movedIn.demolition.0.usedForBalance'],
      ['L4', 'movedIn.demolition.0.usedForBalance'],
    ],
  );
});

t.test('every command example passes its own schema', async (t) => {
  for (const [type, spec] of Object.entries(LINKAGE_COMMANDS)) {
    t.ok(spec.schema.safeParse(spec.example).success, `${type} example`);
  }
  t.notOk(
    LINKAGE_COMMANDS.FileLinkageProgress.schema.safeParse({
      ...LINKAGE_COMMANDS.FileLinkageProgress.example,
      month: '2026-13',
    }).success,
  );
});
