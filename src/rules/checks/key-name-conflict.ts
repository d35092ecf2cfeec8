// PLACEHOLDER: not implemented yet (replace this whole file).
import { defineRule } from '../rule';

export default defineRule({
  meta: { id: 'key-name-conflict', severity: 'error', description: '', messages: { placeholder: '' } },
  check() {},
});
