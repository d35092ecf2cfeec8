/**
 * The as-of date, always written YYYY-MM-DD whatever the browser's language (a date input would follow it), checked
 * as it is typed, and applied once complete and valid: on a full date, on Enter or on leaving the field.
 */
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { todayIso } from '../../rules/engine';
import { parseAsOf } from '../as-of';
import { useController } from '../use-pane';

const FULL_DATE = /^\d{4}\D\d{2}\D\d{2}$/;

export function AsOfField({ asOf }: { asOf: string | null }) {
  const controller = useController();
  const shown = asOf ?? todayIso();
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);

  const commit = (value: string, complete: boolean) => {
    const parsed = parseAsOf(value);
    if (parsed.ok === true) {
      setError(null);
      setText(parsed.value);
      controller.setAsOf(parsed.value === todayIso() ? null : parsed.value);
    } else if (parsed.ok === false) setError(parsed.message);
    else if (complete) setError('请输入完整的日期,例如 2026-12-02。');
    else setError(null);
  };

  return (
    <Field
      label="校验日期(判断是否逾期)"
      hint="格式:年-月-日,例如 2026-12-02。默认今天;按提交日期校验时在此修改。"
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? undefined}
    >
      <Input
        value={text}
        inputMode="numeric"
        placeholder="2026-12-02"
        data-testid="as-of"
        onChange={(_, d) => {
          setText(d.value);
          const normalized = d.value.normalize('NFKC').trim();
          if (FULL_DATE.test(normalized)) commit(normalized, true);
          else setError(null);
        }}
        onBlur={() => commit(text, true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text, true);
        }}
      />
    </Field>
  );
}
