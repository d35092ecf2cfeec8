// PLACEHOLDER: not implemented yet (replace this whole file).
import type { EvidenceKind, Policy, TableKind } from '../policy';
import type { DataRow } from '../table';

export function requiredEvidence(_rows: DataRow[], _kind: TableKind | null, _policy: Policy): EvidenceKind[][] {
  return [];
}
