/**
 * The supply filing (T03, §8) as a two-person act (§12 填表责任人 / 审核责任人): a preparer
 * records the office's half of the form (PrepareSupplyRecord, correctable until filed); a
 * different person reviews and files it (FileSupplyRecord), which is refused while any of V1–V14
 * fails. The filed event holds the whole record and both signatories.
 */
import type { IsoDate } from '../../calendar/index.js';
import { GBT_4754_2002, type SupplyRecord } from '../../filing/index.js';
import type { Command } from '../../decider.js';
import type { CommandOf } from '../commands.js';
import { fail } from '../errors.js';
import type { ParcelEvent } from '../events.js';
import { LIVE, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import type { Signatory, SupplyRecordPreparedData } from './events.js';
import { supplyRecordOf } from './supply-record.js';

const SUPERVISED = [...LIVE, 'COMPLETED'] as const;

const signatory = (command: Command): Signatory => ({
  id: command.context.actor.id,
  name: command.context.actor.name ?? command.context.actor.id,
});

const requireNotFiled = (filedOn: IsoDate | null, ref: string | null): void => {
  if (filedOn !== null) {
    fail('SUPPLY_RECORD_ALREADY_FILED', `The supply record was filed on ${filedOn} (${ref ?? ''})`, { rule: 'T03' });
  }
};

export const decidePrepareSupplyRecord = (
  command: CommandOf<'PrepareSupplyRecord'>,
  state: Parameters<typeof requireStatus>[0],
  ctx: DecideContext,
): ParcelEvent[] => {
  const granted = requireStatus(state, command.type, SUPERVISED);
  const { facts } = granted;
  requireNotFiled(facts.supplyRecordFiledOn, facts.supplyRecordFilingRef);
  const { data } = command;
  const preparedOn = pastDate(data.preparedOn, 'preparedOn', ctx.today);
  if (facts.grantKind === 'ALLOCATION' && data.transferMethod !== undefined) {
    fail('TRANSFER_METHOD_NOT_APPLICABLE', 'an allocation has no transfer method', {
      field: 'transferMethod',
      rule: 'V5',
    });
  }
  const draft: Omit<SupplyRecordPreparedData, 'failures'> = {
    preparedOn,
    preparer: signatory(command),
    transferMethod: data.transferMethod ?? null,
    landUserName: requireText(data.landUserName, 'landUserName'),
    sourceDocuments: data.sourceDocuments ?? null,
    farmlandConversionApprovalDate: data.farmlandConversionApprovalDate,
    authority: data.authority,
    project: data.project,
    land: data.land,
    foreignCurrency: data.foreignCurrency,
    remarks: data.remarks,
  };
  // The draft's verdict, with the preparer's own reading of the name (V12 is the reviewer's check).
  const { failures } = supplyRecordOf(
    granted,
    draft,
    { filedOn: preparedOn, reviewer: null, landUserNameOnSourceDocument: draft.landUserName },
    ctx.policyFor(facts.jurisdiction),
  );
  return [{ type: 'SupplyRecordPrepared', data: { ...draft, failures } }];
};

export interface FiledSignOff {
  /** The parcel's jurisdiction, so the filing list can be scoped without the parcel. */
  readonly jurisdiction: string;
  readonly record: SupplyRecord;
  readonly preparer: Signatory;
  readonly reviewer: Signatory;
  readonly industryCatalogueVersion: string;
}

/** The reviewer's act: someone other than the preparer, on a draft that passes V1–V14. */
export const fileSupplyRecord = (
  command: CommandOf<'FileSupplyRecord'>,
  state: Parameters<typeof requireStatus>[0],
  ctx: DecideContext,
  filedOn: IsoDate,
): FiledSignOff => {
  const granted = requireStatus(state, command.type, SUPERVISED);
  const { facts } = granted;
  const draft = facts.supplyRecordDraft;
  if (draft === null) {
    return fail('SUPPLY_RECORD_NOT_PREPARED', 'No supply record has been prepared: send PrepareSupplyRecord first', {
      rule: '§8',
    });
  }
  const reviewer = signatory(command);
  if (reviewer.id === draft.preparer.id) {
    fail(
      'SUPPLY_RECORD_SAME_PERSON',
      `${draft.preparer.name} prepared this record; a different person must review and file it`,
      { rule: '§12 maker-checker', preparer: draft.preparer.id },
    );
  }
  const { record, failures } = supplyRecordOf(
    granted,
    draft,
    {
      filedOn,
      reviewer,
      landUserNameOnSourceDocument: requireText(
        command.data.landUserNameOnSourceDocument,
        'landUserNameOnSourceDocument',
      ),
    },
    ctx.policyFor(facts.jurisdiction),
  );
  if (failures.length > 0) {
    const first = failures[0]!;
    fail(
      'SUPPLY_RECORD_INVALID',
      `The supply record fails ${failures.length} rule(s): ${failures.map((f) => `${f.rule} ${f.field}`).join('; ')}`,
      { rule: first.rule, errors: failures.map((f) => ({ ...f, field: `record.${f.field}` })) },
    );
  }
  return {
    jurisdiction: facts.jurisdiction,
    record,
    preparer: draft.preparer,
    reviewer,
    industryCatalogueVersion: GBT_4754_2002.version,
  };
};
