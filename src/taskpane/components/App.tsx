/** The task pane: actions on top, the summary, then tabs for problems, evidence, scans, export and settings. */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import { currentTheme, watchTheme } from '../theme';
import type { Tab as TabId } from '../state';
import { useController, usePaneState } from '../use-pane';
import { FileOpen } from './FileOpen';
import { ProblemList } from './ProblemList';
import { Progress } from './Progress';
import { Summary } from './Summary';
import { TemplateQuestion } from './TemplateQuestion';

// Views the first paint does not show are loaded when first shown (they need the rules, the policy's lists and zod).
const ProblemFilters = lazy(() => import('./ProblemFilters').then((m) => ({ default: m.ProblemFilters })));
const ExportPanel = lazy(() => import('./ExportPanel').then((m) => ({ default: m.ExportPanel })));
const ScanPicker = lazy(() => import('./ScanPicker').then((m) => ({ default: m.ScanPicker })));
const Settings = lazy(() => import('./Settings').then((m) => ({ default: m.Settings })));
const StudentEvidence = lazy(() => import('./StudentEvidence').then((m) => ({ default: m.StudentEvidence })));

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const TABS: { id: TabId; label: string }[] = [
  { id: 'problems', label: '问题' },
  { id: 'evidence', label: '学生材料' },
  { id: 'scans', label: '扫描件' },
  { id: 'export', label: '导出' },
  { id: 'settings', label: '设置' },
];

function useTheme(): Theme {
  const [theme, setTheme] = useState(currentTheme);
  useEffect(() => watchTheme(() => setTheme(currentTheme())), []);
  return theme;
}

export function App() {
  const styles = useStyles();
  const theme = useTheme();
  const state = usePaneState();
  const controller = useController();
  const result = state.result;
  const busy = state.progress !== null;
  const problems = (result?.problems ?? []).filter(
    (p) => state.filters.severities.includes(p.severity) && (state.filters.rule === null || p.rule === state.filters.rule),
  );

  return (
    <FluentProvider theme={theme}>
      <main className={styles.root} aria-busy={busy}>
        <Title3 as="h1">学籍更正助手</Title3>
        {state.hostKind === 'file' && <FileOpen openedFile={state.openedFile} />}
        <div className={styles.actions} role="toolbar" aria-label="操作">
          <Button appearance="primary" disabled={busy || (state.hostKind === 'file' && !state.openedFile)} onClick={() => void controller.validate()}>
            校验
          </Button>
          <Button disabled={busy || !result} onClick={() => void controller.exportPackage()}>
            导出材料包
          </Button>
          {state.capabilities.marks && result && (
            <Button disabled={busy} onClick={() => void controller.clearMarks()}>
              清除标记
            </Button>
          )}
          {state.capabilities.template && (
            <Button disabled={busy} onClick={() => void controller.insertTemplate()}>
              插入模板
            </Button>
          )}
        </div>
        <Progress progress={state.progress} />
        {state.notice && (
          // Keyed by the text: MessageBar announces itself to screen readers when it mounts, not when its text changes.
          <MessageBar key={state.notice.text} intent={state.notice.intent} data-testid="notice">
            <MessageBarBody>{state.notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {state.templateQuestion && <TemplateQuestion question={state.templateQuestion} busy={busy} />}
        {result && <Summary result={result} />}
        <TabList selectedValue={state.tab} onTabSelect={(_, d) => controller.setTab(d.value as TabId)} aria-label="视图">
          {TABS.map((t) => (
            <Tab key={t.id} value={t.id}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div className={styles.panel} role="tabpanel" aria-label={TABS.find((t) => t.id === state.tab)?.label}>
          <Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
            {state.tab === 'problems' &&
              (result ? (
                <>
                  {/* The filters load on their own, so the list shows at once (and never flashes away for them). */}
                  <Suspense fallback={null}>
                    <ProblemFilters problems={result.problems} filters={state.filters} onChange={(f) => controller.setFilters(f)} />
                  </Suspense>
                  <ProblemList problems={problems} students={result.students} canSelect={state.capabilities.select} canFix={state.capabilities.fixes} />
                </>
              ) : (
                <span>点击“校验”检查当前工作簿。</span>
              ))}
            {state.tab === 'evidence' && (
              <StudentEvidence
                students={result?.students ?? []}
                links={state.scanSet?.links ?? []}
                scans={state.scans}
                problems={result?.problems ?? []}
              />
            )}
            {state.tab === 'scans' && <ScanPicker scans={state.scans} students={result?.students ?? []} scanSet={state.scanSet} />}
            {state.tab === 'export' && <ExportPanel state={state} />}
            {state.tab === 'settings' && <Settings state={state} sheets={state.grid?.sheets.map((s) => s.name) ?? []} />}
          </Suspense>
        </div>
      </main>
    </FluentProvider>
  );
}
