/**
 * The supply filing as a two-person act (§8 Attachment 3, §12 填表责任人/审核责任人): the draft keeps
 * its V-rule verdict, a different person files, and filing is refused while V1–V14 fail.
 */
import t from 'tap';
import { DomainError } from '../../../src/domain/errors.js';
import type { ParcelEvent } from '../../../src/domain/parcel/index.js';
import { parcelDecider } from '../../../src/domain/parcel/index.js';
import { confirmDeal, toGranted } from './fixtures/parcel.js';
import { fileRecord, prepareRecord } from './fixtures/records.js';
import { given, history, stateOf } from './fixtures/spec.js';

const granted = () => history(...toGranted());

t.test('§8: a prepared draft keeps the office’s half of the form, the preparer and its verdict', async (t) => {
  const [event] = given(granted()).when(prepareRecord()).events();
  t.equal(event?.type, 'SupplyRecordPrepared');
  const data = (event as ParcelEvent & { type: 'SupplyRecordPrepared' }).data;
  t.same(data.preparer, { id: 'patrol-1', name: '刘填表' });
  t.equal(data.project.industryCode, 'K7210');
  t.same(data.failures, [], 'a complete draft passes V1–V14');
});

t.test('§8: a draft that breaks rules is kept, with every failure named by rule and field', async (t) => {
  const [event] = given(granted())
    .when(
      prepareRecord('2026-03-05', {
        project: {
          no: 'GY-2026-0001',
          name: 'x',
          approvalDocNo: 'x',
          approvalDate: '2026-01-15',
          approvingBody: 'x',
          industryCode: 'Z9999',
          investorNature: { category: '4', subType: null },
        },
      }),
    )
    .events();
  const data = (event as ParcelEvent & { type: 'SupplyRecordPrepared' }).data;
  t.same(
    data.failures.map((f) => [f.rule, f.field]),
    [
      ['V9', 'project.investorNature.subType'],
      ['V11', 'project.industryCode'],
    ],
  );
});

t.test('§12 maker-checker: the preparer cannot file their own record', async (t) => {
  const preparedByOfficer = { ...prepareRecord(), context: fileRecord().context };
  given(history(...toGranted(), preparedByOfficer))
    .when(fileRecord())
    .thenRejects(t, { code: 'SUPPLY_RECORD_SAME_PERSON', rule: '§12 maker-checker' });
});

t.test('T03/§8: filing needs a prepared record', async (t) => {
  given(granted()).when(fileRecord()).thenRejects(t, { code: 'SUPPLY_RECORD_NOT_PREPARED' });
});

t.test('V12: the reviewer’s reading of the name on the contract must match the form', async (t) => {
  try {
    parcelDecider.decide(
      fileRecord('2026-03-06', 'BA-1', '南京另一置业有限公司'),
      stateOf(history(...toGranted(), prepareRecord())),
    );
    t.fail('filed a record whose land user differs from the contract');
  } catch (error) {
    t.ok(error instanceof DomainError);
    const e = error as DomainError;
    t.equal(e.code, 'SUPPLY_RECORD_INVALID');
    t.equal(e.details.rule, 'V12');
    t.match(e.details.errors, [{ rule: 'V12', field: 'record.project.landUser' }]);
  }
});

t.test('V11 and V9: filing is refused while the draft fails, listing every failure', async (t) => {
  const bad = prepareRecord('2026-03-05', {
    project: {
      no: 'GY-2026-0001',
      name: 'x',
      approvalDocNo: 'x',
      approvalDate: '2026-01-15',
      approvingBody: 'x',
      industryCode: 'K99',
      investorNature: { category: '8', subType: null },
    },
  });
  try {
    parcelDecider.decide(fileRecord(), stateOf(history(...toGranted(), bad)));
    t.fail('filed an invalid record');
  } catch (error) {
    const e = error as DomainError;
    t.equal(e.code, 'SUPPLY_RECORD_INVALID');
    t.same(
      (e.details.errors as { rule: string }[]).map((f) => f.rule),
      ['V9', 'V11'],
    );
  }
});

t.test('a correction replaces the draft; the filed event holds the record and both signatories', async (t) => {
  const corrected = prepareRecord('2026-03-06', { remarks: '更正：四至' });
  const [filed] = given(history(...toGranted(), prepareRecord(), corrected))
    .when(fileRecord())
    .thenMatches(t, [
      {
        type: 'SupplyRecordFiled',
        data: {
          filedOn: '2026-03-06',
          preparer: { id: 'patrol-1', name: '刘填表' },
          reviewer: { id: 'officer-1', name: 'officer-1' },
          industryCatalogueVersion: 'GB/T 4754-2002 门类·大类',
        },
      },
    ]);
  const record = (filed as ParcelEvent & { type: 'SupplyRecordFiled' }).data.record;
  t.equal(record?.remarks, '更正：四至', 'the latest draft is what is filed');
  t.equal(record?.areas.tenderAuctionListing, '12.3456');
  t.equal(record?.amounts.tenderAuctionListing.contractAmount, '231.00');
  t.same(record?.signOff, { preparer: '刘填表', reviewer: 'officer-1' });
});

t.test('once filed, the record can no longer be prepared again', async (t) => {
  given(history(...toGranted(), prepareRecord(), fileRecord()))
    .when(prepareRecord('2026-03-07'))
    .thenRejects(t, { code: 'SUPPLY_RECORD_ALREADY_FILED', rule: 'T03' });
});

t.test('§3.1: a deal not yet granted has no supply record to prepare', async (t) => {
  given(history(confirmDeal())).when(prepareRecord()).thenRejects(t, { code: 'INVALID_STATE' });
});
