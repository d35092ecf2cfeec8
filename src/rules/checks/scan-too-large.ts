// PLACEHOLDER: not implemented yet (replace this whole file).
import { defineRule } from '../rule';

export default defineRule({
  meta: { id: 'scan-too-large', severity: 'error', description: '', messages: { placeholder: '' } },
  check() {},
});
