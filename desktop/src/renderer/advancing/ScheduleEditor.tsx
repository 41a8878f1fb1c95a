/** The schedule rows of a show day: add, remove, reorder; times validated as typed. */
import type { ScheduleItem } from '@flowstage/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { moveRow, parseTime, SCHEDULE_TEMPLATE, scheduleErrors } from './logic';
import { useAdvT } from './messages';

interface ScheduleEditorProps {
  rows: ScheduleItem[];
  /** Show the errors of every row (after an explicit save). */
  showAllErrors: boolean;
  onChange(rows: ScheduleItem[]): void;
  /** A row was left or the list changed shape: save what is valid. */
  onCommit(): void;
}

export function ScheduleEditor({ rows, showAllErrors, onChange, onCommit }: ScheduleEditorProps) {
  const at = useAdvT();
  const { lang } = useI18n();
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const errors = scheduleErrors(rows);
  const shown = (i: number, field: 'time' | 'label') =>
    Boolean(errors.get(i)?.[field]) && (showAllErrors || touched.has(`${i}:${field}`));
  const set = (i: number, patch: Partial<ScheduleItem>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const leave = (i: number, field: 'time' | 'label') => {
    setTouched((t) => new Set(t).add(`${i}:${field}`));
    if (field === 'time') {
      const time = parseTime(rows[i]?.time ?? '');
      if (time && time !== rows[i]?.time) set(i, { time });
    }
    onCommit();
  };
  const reshape = (next: ScheduleItem[]) => {
    setTouched(new Set());
    onChange(next);
    onCommit();
  };
  const anyShown = rows.some((_, i) => shown(i, 'time') || shown(i, 'label'));

  return (
    <section className="adv-section" data-testid="adv-schedule">
      <h3>{at('schedule')}</h3>
      {rows.length === 0 ? (
        <p className="muted">
          {at('schedule.empty')}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => reshape(SCHEDULE_TEMPLATE[lang].map((r) => ({ ...r })))}
            data-testid="adv-schedule-template"
          >
            {at('schedule.template')}
          </button>
        </p>
      ) : (
        <ol className="adv-schedule">
          {rows.map((row, i) => (
            // Rows have no identity of their own: the index is their key (values are controlled).
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className="adv-schedule-row" data-testid="adv-schedule-row">
              <input
                className={`input adv-time${shown(i, 'time') ? ' input-invalid' : ''}`}
                aria-label={`${at('schedule.time')} ${i + 1}`}
                aria-invalid={shown(i, 'time')}
                placeholder="18:30"
                inputMode="numeric"
                maxLength={5}
                value={row.time}
                onChange={(e) => set(i, { time: e.target.value })}
                onBlur={() => leave(i, 'time')}
                data-testid="adv-schedule-time"
              />
              <input
                className={`input adv-label${shown(i, 'label') ? ' input-invalid' : ''}`}
                aria-label={`${at('schedule.label')} ${i + 1}`}
                aria-invalid={shown(i, 'label')}
                maxLength={200}
                value={row.label}
                onChange={(e) => set(i, { label: e.target.value })}
                onBlur={() => leave(i, 'label')}
                data-testid="adv-schedule-label"
              />
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={at('schedule.up', { n: i + 1 })}
                disabled={i === 0}
                onClick={() => reshape(moveRow(rows, i, -1))}
                data-testid="adv-schedule-up"
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={at('schedule.down', { n: i + 1 })}
                disabled={i === rows.length - 1}
                onClick={() => reshape(moveRow(rows, i, 1))}
                data-testid="adv-schedule-down"
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={at('schedule.remove', { n: i + 1 })}
                onClick={() => reshape(rows.filter((_, j) => j !== i))}
                data-testid="adv-schedule-remove"
              >
                ×
              </button>
              {shown(i, 'time') || shown(i, 'label') ? (
                <span className="field-error adv-row-error" role="alert" data-testid="adv-schedule-error">
                  {shown(i, 'time') ? at('error.time') : at('error.label')}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {anyShown ? <p className="form-error">{at('error.scheduleWaits')}</p> : null}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setTouched(new Set());
          onChange([...rows, { time: '', label: '' }]);
        }}
        data-testid="adv-schedule-add"
      >
        {at('schedule.add')}
      </button>
    </section>
  );
}
