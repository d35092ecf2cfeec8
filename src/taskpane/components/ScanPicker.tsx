/**
 * Picking scans: a whole folder (one sub-folder per student, as registrars keep them), single files, or files
 * dropped on the pane. Each file is matched to a student and a kind automatically; a dropdown reassigns it.
 */
import { Button, Caption1, Dropdown, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type DragEvent, useRef, useState } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../rules/policy';
import type { ScanSet } from '../../rules/scans';
import type { Student } from '../../rules/students';
import { pickedFromBrowser } from '../../scan/picked-files';
import type { PickedScan } from '../state';
import { useController } from '../use-pane';
import { BesideFolders } from './BesideFolders';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    textAlign: 'center',
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '48px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  thumb: { width: '48px', height: '48px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}` },
  selects: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalXS },
  select: { minWidth: 0 },
});

const NONE = '__none__';

/** Why a file has no student, as the student dropdown shows it. */
const REASON = { 'no-student': '未对应学生', ambiguous: '含多位学生的学号,请指定', 'no-kind': '未对应学生', excluded: '不是证明材料' } as const;

export function ScanPicker(props: { scans: PickedScan[]; students: Student[]; scanSet: ScanSet | null }) {
  const styles = useStyles();
  const controller = useController();
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const links = new Map((props.scanSet?.links ?? []).map((l) => [l.file, l]));
  const unresolved = new Map((props.scanSet?.unresolved ?? []).map((u) => [u.file, u]));
  const folders = new Map(props.students.map((s) => [s.ref, s.folder]));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void controller.addScans(pickedFromBrowser(e.dataTransfer.files));
  };

  return (
    <div className={styles.root} data-testid="scan-picker">
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => folderInput.current?.click()}>
          选择扫描件文件夹
        </Button>
        <Button onClick={() => filesInput.current?.click()}>添加文件</Button>
        {props.scans.length > 0 && <Button onClick={() => void controller.clearScans()}>清空</Button>}
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
      <ul className={styles.list} aria-label="扫描件">
        {[...props.scans].sort((a, b) => a.path.localeCompare(b.path, 'zh-CN')).map((s) => {
          const link = links.get(s.path);
          const studentRef = link?.studentRef ?? unresolved.get(s.path)?.studentRef ?? null;
          const why = unresolved.get(s.path)?.reason;
          return (
            <li key={s.path} className={styles.item} data-scan={s.path}>
              <img className={styles.thumb} src={s.thumbnail} alt={`${s.path} 的缩略图`} />
              <div>
                <Text>{s.path}</Text>
                <div className={styles.selects}>
                  <Dropdown
                    className={styles.select}
                    aria-label={`${s.path} 属于哪位学生`}
                    value={studentRef ? (folders.get(studentRef) ?? studentRef) : REASON[why ?? 'no-student']}
                    selectedOptions={[studentRef ?? NONE]}
                    onOptionSelect={(_, d) => void controller.assign(s.path, { studentRef: d.optionValue === NONE || !d.optionValue ? null : d.optionValue })}
                  >
                    <Option value={NONE}>不是证明材料</Option>
                    {props.students.map((st) => (
                      <Option key={st.ref} value={st.ref}>
                        {st.folder}
                      </Option>
                    ))}
                  </Dropdown>
                  <Dropdown
                    className={styles.select}
                    aria-label={`${s.path} 是什么材料`}
                    value={link?.kind ?? '材料类型?'}
                    selectedOptions={link ? [link.kind] : []}
                    disabled={!studentRef}
                    onOptionSelect={(_, d) => d.optionValue && void controller.assign(s.path, { kind: d.optionValue as EvidenceKind })}
                  >
                    {EVIDENCE_KINDS.map((k) => (
                      <Option key={k} value={k}>
                        {k}
                      </Option>
                    ))}
                  </Dropdown>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
