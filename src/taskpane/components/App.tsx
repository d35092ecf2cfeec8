/**
 * The task pane: a fixed head (actions, progress, the notice, the summary, the tabs) and below it the current tab,
 * whose lists scroll in their own boxes. The notice therefore stays in view whatever was clicked and wherever the
 * list was scrolled, and the lists keep their place when a fix or an assignment changes them.
 */
import { AriaLiveAnnouncer, Button, Caption1, FluentProvider, Title3, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { currentTheme, watchTheme } from '../theme';
import type { Tab as TabId } from '../state';
import type { Controller } from '../controller';
import { useControllerReady, usePaneState } from '../use-pane';
import type { FileOpen } from './FileOpen';
import { Progress } from './Progress';
import { type ViewTab, ViewTabs } from './ViewTabs';

// Views the first paint does not show are loaded when first shown (they need the rules, the policy's lists and zod,
// or Fluent components the first view has none of: message bars, badges, dropdowns).
const ProblemFilters = lazy(() => import('./ProblemFilters').then((m) => ({ default: m.ProblemFilters })));
const ProblemList = lazy(() => import('./ProblemList').then((m) => ({ default: m.ProblemList })));
const ExportPanel = lazy(() => import('./ExportPanel').then((m) => ({ default: m.ExportPanel })));
const ScanPicker = lazy(() => import('./ScanPicker').then((m) => ({ default: m.ScanPicker })));
const Settings = lazy(() => import('./Settings').then((m) => ({ default: m.Settings })));
const StudentEvidence = lazy(() => import('./StudentEvidence').then((m) => ({ default: m.StudentEvidence })));
const Notice = lazy(() => import('./Notice').then((m) => ({ default: m.Notice })));
const Summary = lazy(() => import('./Summary').then((m) => ({ default: m.Summary })));
const TemplateQuestion = lazy(() => import('./TemplateQuestion').then((m) => ({ default: m.TemplateQuestion })));

const useStyles = makeStyles({
  root: { height: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexShrink: 0, maxHeight: '60vh', overflowY: 'auto' },
  title: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
});

const TABS: ViewTab<TabId>[] = [
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

/**
 * `fileOpen`: the 打开工作簿 box, which the entry loads before the first paint only where the pane works on a file
 * (outside Office, or an Excel too old to read the sheets), so inside Excel the first paint does not carry it.
 */
export function App({ fileOpen: FileOpenBox }: { fileOpen?: typeof FileOpen }) {
  const styles = useStyles();
  const theme = useTheme();
  const state = usePaneState();
  const ready = useControllerReady();
  // Inside Excel the first paint comes before the controller's chunk: a click waits for it.
  const act = (work: (controller: Controller) => unknown) => void ready.then(work);
  const { result, busy } = state;
  const problems = useMemo(
    () => (result?.problems ?? []).filter((p) => state.filters.severities.includes(p.severity) && (state.filters.rule === null || p.rule === state.filters.rule)),
    [result, state.filters],
  );

  return (
    <FluentProvider theme={theme}>
      <AriaLiveAnnouncer>
        <main className={styles.root} aria-busy={busy}>
          <div className={styles.head}>
            <Title3 as="h1" className={styles.title}>
              学籍更正助手
            </Title3>
            {FileOpenBox && <FileOpenBox openedFile={state.openedFile} />}
            <div className={styles.actions} role="toolbar" aria-label="操作">
              <Button appearance="primary" disabled={busy || (state.hostKind === 'file' && !state.openedFile)} onClick={() => act((c) => c.validate())}>
                校验
              </Button>
              <Button disabled={busy || !result} onClick={() => act((c) => c.exportPackage())}>
                导出材料包
              </Button>
              {state.capabilities.marks && result && (
                <Button disabled={busy} onClick={() => act((c) => c.clearMarks())}>
                  清除标记
                </Button>
              )}
              {state.capabilities.template && (
                <Button disabled={busy} onClick={() => act((c) => c.insertTemplate())}>
                  插入模板
                </Button>
              )}
            </div>
            {/* Waits for the controller, whose progress store it shows. */}
            <Suspense fallback={null}>
              <Progress />
            </Suspense>
            {/* These show after an action, once their chunk (a few KB, from the pane's own folder) has arrived; each
                waits in its own boundary, so one loading never hides another already shown. */}
            <Suspense fallback={null}>
              {/* Keyed by the text: MessageBar announces itself (through the AriaLiveAnnouncer) when it mounts. */}
              {state.notice && <Notice key={state.notice.text} notice={state.notice} />}
            </Suspense>
            <Suspense fallback={null}>{state.templateQuestion && <TemplateQuestion question={state.templateQuestion} busy={busy} />}</Suspense>
            <Suspense fallback={null}>{result && <Summary result={result} />}</Suspense>
          </div>
          <ViewTabs tabs={TABS} selected={state.tab} onSelect={(tab) => act((c) => c.setTab(tab))} label="视图" />
          <div className={styles.panel} id="view-panel" role="tabpanel" aria-labelledby={`tab-${state.tab}`}>
            <Suspense fallback={<Caption1 role="status">正在加载…</Caption1>}>
              {state.tab === 'problems' &&
                (result ? (
                  <>
                    {/* The filters load on their own, so the list shows at once (and never flashes away for them). */}
                    <Suspense fallback={null}>
                      <ProblemFilters problems={result.problems} filters={state.filters} onChange={(f) => act((c) => c.setFilters(f))} />
                    </Suspense>
                    <ProblemList problems={problems} students={result.students} canSelect={state.capabilities.select} canFix={state.capabilities.fixes} busy={busy} />
                  </>
                ) : (
                  <span>点击“校验”检查{state.hostKind === 'file' ? '打开的工作簿' : '当前工作簿'}。</span>
                ))}
              {state.tab === 'evidence' && <StudentEvidence result={result} scanSet={state.scanSet} scans={state.scans} onlyUnfinished={state.onlyUnfinished} />}
              {state.tab === 'scans' && <ScanPicker scans={state.scans} students={result?.students ?? []} scanSet={state.scanSet} busy={busy} />}
              {state.tab === 'export' && <ExportPanel state={state} />}
              {state.tab === 'settings' && <Settings state={state} sheets={state.grid?.sheets.map((s) => s.name) ?? []} />}
            </Suspense>
          </div>
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
