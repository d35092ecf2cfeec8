// PLACEHOLDER: not implemented yet (replace this whole file).
import { defineRule } from '../rule';

export default defineRule({
  meta: { id: 'scan-id-single-side', severity: 'error', description: '', messages: { placeholder: '' } },
  check() {},
});
