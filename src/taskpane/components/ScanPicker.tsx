/**
 * Picking scans: a whole folder (one sub-folder per student, as registrars keep them), single files, or files
 * dropped on the pane. Each file is matched to a student and a kind automatically; the files that match no one
 * come first, under their own heading, with their editors open; a linked file shows its link and opens the same
 * editors (a searching combobox for the student, a list of kinds) with 更改. The list is virtualized.
 */
import { Button, Caption1, Dropdown, Option, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../rules/policy';
import type { EvidenceLink, ScanSet, UnresolvedScan } from '../../rules/scans';
import type { Student } from '../../rules/students';
import { pickedFromBrowser } from '../../scan/picked-files';
import type { PickedScan } from '../state';
import { useController } from '../use-pane';
import { BesideFolders } from './BesideFolders';
import { StudentCombobox } from './StudentCombobox';
import { Thumbnail } from './Thumbnail';
import { VirtualList } from './VirtualList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  drop: { border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalS, textAlign: 'center' },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  heading: { display: 'block', margin: 0, paddingBlock: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '48px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start', paddingBlock: tokens.spacingVerticalXS },
  path: { overflowWrap: 'anywhere' },
  linked: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  selects: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalXS },
  select: { minWidth: 0 },
});

/** Why a file has no student, as its student box shows it. */
const REASON: Record<UnresolvedScan['reason'], string> = { 'no-student': '未对应学生', ambiguous: '含多位学生的学号,请指定', 'no-kind': '未对应学生', excluded: '不是证明材料' };

type Row = { type: 'heading'; key: string; title: string } | { type: 'scan'; key: string; scan: PickedScan; link?: EvidenceLink; unresolved?: UnresolvedScan };

const collator = new Intl.Collator('zh-CN');

export function ScanPicker(props: { scans: PickedScan[]; students: Student[]; scanSet: ScanSet | null; busy: boolean }) {
  const styles = useStyles();
  const controller = useController();
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  /** Linked files whose editors the registrar opened with 更改. */
  const [editable, setEditable] = useState<ReadonlySet<string>>(new Set());
  const { students, busy } = props;

  const rows = useMemo((): Row[] => {
    const links = new Map((props.scanSet?.links ?? []).map((l) => [l.file, l]));
    const unresolved = new Map((props.scanSet?.unresolved ?? []).map((u) => [u.file, u]));
    const sorted = [...props.scans].sort((a, b) => collator.compare(a.path, b.path));
    const toRow = (scan: PickedScan): Row => ({ type: 'scan', key: scan.path, scan, link: links.get(scan.path), unresolved: unresolved.get(scan.path) });
    if (!props.scanSet) return sorted.map(toRow);
    const open = sorted.filter((s) => !links.has(s.path) && unresolved.get(s.path)?.reason !== 'excluded');
    const openSet = new Set(open);
    const done = sorted.filter((s) => !openSet.has(s));
    return [
      ...(open.length ? [{ type: 'heading' as const, key: 'h:open', title: `未对应的文件(${open.length})` }, ...open.map(toRow)] : []),
      ...(done.length ? [{ type: 'heading' as const, key: 'h:done', title: `已对应的文件(${done.length})` }, ...done.map(toRow)] : []),
    ];
  }, [props.scans, props.scanSet]);

  const render = useCallback(
    (row: Row) => {
      if (row.type === 'heading')
        return (
          <Subtitle2 as="h2" className={styles.heading}>
            {row.title}
          </Subtitle2>
        );
      const { scan, link, unresolved } = row;
      const studentRef = link?.studentRef ?? unresolved?.studentRef ?? null;
      // A linked file shows what it is linked to as text; its editors are drawn only when asked for (or when the
      // file has no link), so a long list does not carry two comboboxes per row.
      const editing = scan.info !== null && (editable.has(scan.path) || !link);
      const folder = studentRef ? students.find((st) => st.ref === studentRef)?.folder : undefined;
      return (
        <div className={styles.item} data-scan={scan.path}>
          <Thumbnail blob={scan.blob} wait={busy} />
          <div>
            <Text className={styles.path}>{scan.path}</Text>
            {!scan.info ? (
              <Caption1>(正在检查…)</Caption1>
            ) : !editing && link ? (
              <div className={styles.linked}>
                <Caption1>
                  {folder ?? studentRef} · {link.kind}
                  {link.manual ? '(手动指定)' : ''}
                </Caption1>
                <Button size="small" appearance="subtle" disabled={busy} aria-label={`更改 ${scan.path} 的对应`} onClick={() => setEditable((e) => new Set(e).add(scan.path))}>
                  更改
                </Button>
              </div>
            ) : (
              <div className={styles.selects}>
                <StudentCombobox
                  path={scan.path}
                  students={students}
                  studentRef={studentRef}
                  emptyText={REASON[unresolved?.reason ?? 'no-student']}
                  disabled={busy || students.length === 0}
                  onChoose={(ref) => void controller.assign(scan.path, { studentRef: ref })}
                />
                <Dropdown
                  className={styles.select}
                  aria-label={`${scan.path} 是什么材料`}
                  value={link?.kind ?? '材料类型?'}
                  selectedOptions={link ? [link.kind] : []}
                  disabled={busy || !studentRef}
                  onOptionSelect={(_, d) => d.optionValue && void controller.assign(scan.path, { kind: d.optionValue as EvidenceKind })}
                >
                  {EVIDENCE_KINDS.map((k) => (
                    <Option key={k} value={k}>
                      {k}
                    </Option>
                  ))}
                </Dropdown>
              </div>
            )}
          </div>
        </div>
      );
    },
    [styles, students, busy, controller, editable],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void controller.addScans(pickedFromBrowser(e.dataTransfer.files));
  };

  return (
    <div className={styles.root} data-testid="scan-picker">
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => folderInput.current?.click()}>
          选择扫描件文件夹
        </Button>
        <Button disabled={busy} onClick={() => filesInput.current?.click()}>
          添加文件
        </Button>
        {props.scans.length > 0 && (
          <Button disabled={busy} onClick={() => void controller.clearScans()}>
            清空
          </Button>
        )}
      </div>
      <BesideFolders />
      <input
        ref={folderInput}
        className={styles.hidden}
        type="file"
        multiple
        aria-label="扫描件文件夹"
        data-testid="scan-folder-input"
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => {
          if (e.target.files) void controller.addScans(pickedFromBrowser(e.target.files), true);
          e.target.value = '';
        }}
      />
      <input
        ref={filesInput}
        className={styles.hidden}
        type="file"
        multiple
        accept="image/*"
        aria-label="扫描件文件"
        data-testid="scan-files-input"
        onChange={(e) => {
          if (e.target.files) void controller.addScans(pickedFromBrowser(e.target.files));
          e.target.value = '';
        }}
      />
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text>也可以把扫描件拖到这里</Text>
      </div>
      {props.scans.length > 0 && <Caption1>共 {props.scans.length} 个文件;文件名或所在文件夹含学号/姓名和材料名称的会自动对应,可在下面改。</Caption1>}
      {rows.length > 0 && (
        <VirtualList items={rows} getKey={(r) => r.key} estimateSize={(r) => (r.type === 'heading' ? 30 : r.link ? 64 : 96)} render={render} isSticky={isHeading} label="扫描件列表" testId="scan-list" />
      )}
    </div>
  );
}

const isHeading = (r: Row) => r.type === 'heading';
