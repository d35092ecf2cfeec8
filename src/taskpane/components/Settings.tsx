/** Settings: the as-of date, the policy (OUC defaults or a loaded JSON file), and the kind of sheets that cannot be told. */
import { Button, Caption1, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { DEFAULT_POLICY, TABLE_KINDS, type TableKind } from '../../rules/policy';
import type { PaneState } from '../state';
import { useController } from '../use-pane';
import { AsOfField } from './AsOfField';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, overflowY: 'auto' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hidden: { display: 'none' },
});

const AUTO = '__auto__';

export function Settings(props: { state: PaneState; sheets: string[] }) {
  const styles = useStyles();
  const controller = useController();
  const policyInput = useRef<HTMLInputElement>(null);
  const { state } = props;
  const kindLabel = (kind: TableKind) => (state.policy ?? DEFAULT_POLICY).kinds[kind].label;
  return (
    <div className={styles.root} data-testid="settings">
      <AsOfField asOf={state.asOf} />
      <Field label="校验策略" hint="默认使用国家开放大学的要求;分部有自己的做法时可载入策略 JSON 文件。">
        <div className={styles.row}>
          <Caption1>当前:{state.policyName ?? '国家开放大学默认策略'}</Caption1>
          <Button size="small" onClick={() => policyInput.current?.click()}>
            载入策略文件
          </Button>
          {state.policyName && (
            <Button size="small" onClick={() => controller.resetPolicy()}>
              恢复默认
            </Button>
          )}
        </div>
      </Field>
      <Field label="材料包中的文件名编码" hint="默认 UTF-8;总部用老版本 Windows 解压工具时若文件名乱码,改用 GBK。">
        <Dropdown
          aria-label="文件名编码"
          value={state.names === 'gbk' ? 'GBK' : 'UTF-8'}
          selectedOptions={[state.names]}
          onOptionSelect={(_, d) => controller.setNames(d.optionValue === 'gbk' ? 'gbk' : 'utf8')}
        >
          <Option value="utf8">UTF-8</Option>
          <Option value="gbk">GBK</Option>
        </Dropdown>
      </Field>
      <input
        ref={policyInput}
        className={styles.hidden}
        type="file"
        accept=".json,application/json"
        aria-label="策略文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void controller.loadPolicy(file);
          e.target.value = '';
        }}
      />
      {props.sheets.length > 0 && (
        <Field label="工作表类型" hint="看不出是哪张表时在这里指定;“自动”按标题、工作表名和关键列判断。">
          <div className={styles.row}>
            {props.sheets.map((sheet) => (
              <Dropdown
                key={sheet}
                aria-label={`工作表 ${sheet} 的类型`}
                value={`${sheet}:${state.kindOverrides[sheet] ? kindLabel(state.kindOverrides[sheet]) : '自动'}`}
                selectedOptions={[state.kindOverrides[sheet] ?? AUTO]}
                onOptionSelect={(_, d) => controller.setKindOverride(sheet, d.optionValue === AUTO ? null : (d.optionValue as TableKind))}
              >
                <Option value={AUTO} text={`${sheet}:自动`}>
                  自动
                </Option>
                {TABLE_KINDS.map((k) => (
                  <Option key={k} value={k} text={`${sheet}:${kindLabel(k)}`}>
                    {kindLabel(k)}
                  </Option>
                ))}
              </Dropdown>
            ))}
          </div>
        </Field>
      )}
    </div>
  );
}
