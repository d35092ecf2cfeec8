/**
 * 插入模板 on a workbook that already has such tables: which sheets there are, and the registrar's choice — add only
 * the missing kinds, add all three anyway (a taken name becomes "新生 (2)"), or nothing.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { TemplateOutcome } from '../../rules/template';
import { useController } from '../use-pane';

export function TemplateQuestion({ question, busy }: { question: Pick<TemplateOutcome, 'conflicts' | 'missing'>; busy: boolean }) {
  const controller = useController();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="template-question">
      <MessageBarBody>
        <MessageBarTitle>工作簿中已有同类的统计表</MessageBarTitle>
        {question.conflicts.map((c) => `${c.label}:${c.sheets.map((s) => `“${s}”`).join('、')}`).join(';')}。已有的工作表不会被改动。
      </MessageBarBody>
      <MessageBarActions>
        {question.missing.length > 0 && (
          <Button appearance="primary" disabled={busy} onClick={() => void controller.insertTemplate('missing')}>
            只添加{question.missing.join('、')}
          </Button>
        )}
        <Button disabled={busy} onClick={() => void controller.insertTemplate('all')}>
          仍添加全部三张(同名的加编号)
        </Button>
        <Button disabled={busy} onClick={() => controller.dismissTemplateQuestion()}>
          不添加
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
