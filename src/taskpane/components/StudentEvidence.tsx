/** Per student: the scans the rows require (with alternatives), and the linked files with thumbnails and verdicts. */
import { Badge, Caption1, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../../rules/problem';
import type { EvidenceLink } from '../../rules/scans';
import type { Student } from '../../rules/students';
import { SEVERITY_LABELS } from '../../rules/problem';
import type { PickedScan } from '../state';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groups: { margin: 0, paddingInlineStart: '18px' },
  files: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  file: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  verdict: { display: 'block', margin: 0 },
  thumb: { width: '48px', height: '48px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
});

export function StudentEvidence(props: { students: Student[]; links: EvidenceLink[]; scans: PickedScan[]; problems: Problem[] }) {
  const styles = useStyles();
  const scans = new Map(props.scans.map((s) => [s.path, s]));
  const scansGiven = props.scans.length > 0;
  const problemsOf = new Map<string, Problem[]>();
  for (const p of props.problems) if (p.file) problemsOf.set(p.file, [...(problemsOf.get(p.file) ?? []), p]);
  if (props.students.length === 0) return <Text>还没有学生:请先校验工作簿。</Text>;
  return (
    <div className={styles.list} data-testid="student-evidence">
      {!scansGiven && <Text>尚未选择扫描件:下表列出每位学生需要的材料;在“扫描件”页选择文件夹后逐一核对。</Text>}
      {props.students.map((s) => {
        const links = props.links.filter((l) => l.studentRef === s.ref);
        const kinds = new Set(links.map((l) => l.kind));
        return (
          <Card key={s.ref} size="small" aria-label={`学生 ${s.key} ${s.name} 的材料`}>
            <CardHeader header={<Text weight="semibold">{s.folder}</Text>} description={<Caption1>{s.sheet}</Caption1>} />
            <ul className={styles.groups} aria-label="需要的材料">
              {s.required.length === 0 && <li>不需要扫描件</li>}
              {s.required.map((group) => {
                const ok = group.some((k) => kinds.has(k));
                return (
                  <li key={group.join('/')}>
                    {group.join(' 或 ')}{' '}
                    <Badge size="small" color={ok ? 'success' : scansGiven ? 'danger' : 'informative'}>
                      {ok ? '已有' : scansGiven ? '缺少' : '待核对'}
                    </Badge>
                  </li>
                );
              })}
            </ul>
            {links.length > 0 && (
              <ul className={styles.files} aria-label="已关联的扫描件">
                {links.map((l) => {
                  const scan = scans.get(l.file);
                  const found = problemsOf.get(l.file) ?? [];
                  return (
                    <li key={l.file} className={styles.file}>
                      {scan && <img className={styles.thumb} src={scan.thumbnail} alt={`${l.file} 的缩略图`} />}
                      <div>
                        <Text>
                          {l.kind}:{l.file}
                          {l.manual ? '(手动指定)' : ''}
                        </Text>
                        <br />
                        {found.length === 0 ? (
                          <Caption1>{scan?.info ? '符合扫描要求' : '正在检查…'}</Caption1>
                        ) : (
                          found.map((p, i) => (
                            <Caption1 key={i} className={styles.verdict}>
                              {SEVERITY_LABELS[p.severity]}:{p.message}
                            </Caption1>
                          ))
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        );
      })}
    </div>
  );
}
