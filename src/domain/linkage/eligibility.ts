/**
 * §9.4 (S2-MLR §三(一); S2-SC §三(一) repeats L1–L3): the hard checks on the plots an adjustment
 * moves in or out. Pure: the facts of each plot come inside the command. Every failure is listed,
 * each naming its rule and the field path of the fact that fails it.
 */
import type { LinkageVariant, PlotChange } from './events.js';

export interface EligibilityFailure {
  readonly rule: 'L1' | 'L2' | 'L3' | 'L4';
  readonly field: string;
  readonly message: string;
}

export const plotEligibility = (change: PlotChange, variant: LinkageVariant): EligibilityFailure[] => {
  const failures: EligibilityFailure[] = [];
  change.movedIn.construction.forEach((plot, i) => {
    if (plot.openViolation) {
      failures.push({
        rule: 'L1',
        field: `movedIn.construction.${i}.openViolation`,
        message: `plot ${plot.plotId} has an open violation case: illegal or non-compliant land may not be moved in as a new-construction (建新) plot`,
      });
    }
  });
  change.movedOut.construction.forEach((plot, i) => {
    if (plot.built && plot.changeSurveyConfirmed) {
      failures.push({
        rule: 'L2',
        field: `movedOut.construction.${i}.changeSurveyConfirmed`,
        message: `plot ${plot.plotId} is built and confirmed in the land-use change survey: it may not be moved out of the project area`,
      });
    }
  });
  change.movedIn.demolition.forEach((plot, i) => {
    if (plot.usedForBalance) {
      failures.push({
        rule: 'L3',
        field: `movedIn.demolition.${i}.usedForBalance`,
        message: `plot ${plot.plotId}'s reclaimed land is already used for 占补平衡: it may not be moved in as a demolition (拆旧) plot`,
      });
    }
  });
  // L4 is the ministry's text only: reclaimed land that returned linkage quota is not reused for 占补平衡.
  if (variant === 'MLR') {
    for (const [side, list] of [
      ['movedIn', change.movedIn.demolition],
      ['movedOut', change.movedOut.demolition],
    ] as const) {
      list.forEach((plot, i) => {
        if (plot.usedToReturnQuota && plot.usedForBalance) {
          failures.push({
            rule: 'L4',
            field: `${side}.demolition.${i}.usedForBalance`,
            message: `plot ${plot.plotId}'s reclaimed land already returned linkage quota: it may not be reused for 占补平衡`,
          });
        }
      });
    }
  }
  return failures;
};
