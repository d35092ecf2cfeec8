// PLACEHOLDER: not implemented yet (replace this whole file).
import { defineRule } from '../rule';

export default defineRule({
  meta: { id: 'stored-as-number', severity: 'error', description: '', messages: { placeholder: '' } },
  check() {},
});
