/** Every rule module, one per rule id; the file name is the id. */
import type { RuleModule } from '../rule';
import sheetKindUnknown from './sheet-kind-unknown';
import headerNotFound from './header-not-found';
import sheetSkipped from './sheet-skipped';
import columnMissing from './column-missing';
import columnRecommended from './column-recommended';
import columnDuplicate from './column-duplicate';
import sortOrder from './sort-order';
import duplicateRow from './duplicate-row';
import keyNameConflict from './key-name-conflict';
import blankRow from './blank-row';
import cellRequired from './cell-required';
import keyFormat from './key-format';
import storedAsNumber from './stored-as-number';
import changeFieldInvalid from './change-field-invalid';
import changeReasonInvalid from './change-reason-invalid';
import valueUnchanged from './value-unchanged';
import newValueInvalid from './new-value-invalid';
import nameFormat from './name-format';
import characterWidth from './character-width';
import doubleChange from './double-change';
import genderIdMismatch from './gender-id-mismatch';
import whitespace from './whitespace';
import folderNameInvalid from './folder-name-invalid';
import lateEntryError from './late-entry-error';
import graduateChangeRejected from './graduate-change-rejected';
import graduateLate from './graduate-late';
import changeNotTimely from './change-not-timely';
import evidenceMissing from './evidence-missing';
import evidenceUnexpected from './evidence-unexpected';
import evidenceUnmatched from './evidence-unmatched';
import evidenceNotChecked from './evidence-not-checked';
import scanFormat from './scan-format';
import scanCorrupt from './scan-corrupt';
import scanTooLarge from './scan-too-large';
import scanLowResolution from './scan-low-resolution';
import scanPhonePhoto from './scan-phone-photo';
import scanScreenshot from './scan-screenshot';
import scanIdSingleSide from './scan-id-single-side';
import scanDuplicate from './scan-duplicate';
import evidenceNameOnly from './evidence-name-only';
import scanDensityTag from './scan-density-tag';
import scanNotOriginal from './scan-not-original';

export const ALL_RULES: RuleModule[] = [
  sheetKindUnknown,
  headerNotFound,
  sheetSkipped,
  columnMissing,
  columnRecommended,
  columnDuplicate,
  sortOrder,
  duplicateRow,
  keyNameConflict,
  blankRow,
  cellRequired,
  keyFormat,
  storedAsNumber,
  changeFieldInvalid,
  changeReasonInvalid,
  valueUnchanged,
  newValueInvalid,
  nameFormat,
  characterWidth,
  doubleChange,
  genderIdMismatch,
  whitespace,
  folderNameInvalid,
  lateEntryError,
  graduateChangeRejected,
  graduateLate,
  changeNotTimely,
  evidenceMissing,
  evidenceUnexpected,
  evidenceUnmatched,
  evidenceNotChecked,
  scanFormat,
  scanCorrupt,
  scanTooLarge,
  scanLowResolution,
  scanPhonePhoto,
  scanScreenshot,
  scanIdSingleSide,
  scanDuplicate,
  evidenceNameOnly,
  scanDensityTag,
  scanNotOriginal,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleModule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
