/** The rules of the road and the costs the tour is weighed with; every change re-evaluates the tour. */
import { useEffect, useId, useState } from 'react';
import { minorDigits } from '../lib/money';
import type { TourSettings } from './logic';
import type { TourKey, TourT } from './messages';

interface SettingsPanelProps {
  settings: TourSettings;
  currency: string;
  openDates: boolean;
  timeS: number;
  disabled: boolean;
  t: TourT;
  onChange(settings: TourSettings): void;
  onOpenDates(on: boolean): void;
  onTimeS(seconds: number): void;
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  disabled: boolean;
  testId: string;
  onCommit(value: number): void;
}

/** A number input that keeps what is typed and commits only valid values in range. */
function NumberField({ label, value, min, max, step, disabled, testId, onCommit }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(
    () => setText((prev) => (Number(prev.replace(',', '.')) === value ? prev : String(value))),
    [value],
  );
  const parsed = Number(text.replace(',', '.'));
  const invalid = text.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max;
  return (
    <div className="tour-setting">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.replace(',', '.'));
          if (e.target.value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) onCommit(n);
        }}
      />
    </div>
  );
}

type RuleKey = Exclude<keyof TourSettings, 'costPerKm' | 'costPerNight'>;

const RULES: { key: RuleKey; label: TourKey; min: number; max: number; step: number; int: boolean }[] = [
  { key: 'maxDriveKmPerDay', label: 'settings.maxKm', min: 1, max: 5000, step: 10, int: false },
  { key: 'maxDriveHoursPerDay', label: 'settings.maxHours', min: 0.5, max: 24, step: 0.5, int: false },
  { key: 'speedKmh', label: 'settings.speed', min: 1, max: 200, step: 5, int: false },
  { key: 'maxConsecutiveShows', label: 'settings.maxConsecutive', min: 1, max: 366, step: 1, int: true },
  { key: 'minDaysOffPer7Days', label: 'settings.daysOff', min: 0, max: 6, step: 1, int: true },
  { key: 'homeBreakDays', label: 'settings.homeBreak', min: 0, max: 60, step: 1, int: true },
];

export function SettingsPanel(props: SettingsPanelProps) {
  const { settings, t, disabled } = props;
  const unit = 10 ** minorDigits(props.currency);
  const openId = useId();
  return (
    <fieldset className="tour-settings" data-testid="tour-settings" disabled={disabled}>
      <legend>{t('settings.title')}</legend>
      {RULES.map((r) => (
        <NumberField
          key={r.key}
          label={t(r.label)}
          value={settings[r.key]}
          min={r.min}
          max={r.max}
          step={r.step}
          disabled={disabled}
          testId={`tour-setting-${r.key}`}
          onCommit={(v) => props.onChange({ ...settings, [r.key]: r.int ? Math.round(v) : v })}
        />
      ))}
      {(['costPerKm', 'costPerNight'] as const).map((k) => (
        <NumberField
          key={k}
          label={`${t(k === 'costPerKm' ? 'settings.costPerKm' : 'settings.costPerNight')} (${props.currency})`}
          value={settings[k] / unit}
          min={0}
          max={1_000_000}
          step={k === 'costPerKm' ? 0.05 : 10}
          disabled={disabled}
          testId={`tour-setting-${k}`}
          onCommit={(v) => props.onChange({ ...settings, [k]: Math.round(v * unit) })}
        />
      ))}
      <NumberField
        label={t('settings.timeS')}
        value={props.timeS}
        min={0.5}
        max={60}
        step={0.5}
        disabled={disabled}
        testId="tour-setting-time"
        onCommit={props.onTimeS}
      />
      <div className="tour-setting tour-setting-check">
        <input
          id={openId}
          type="checkbox"
          checked={props.openDates}
          disabled={disabled}
          data-testid="tour-open-dates"
          onChange={(e) => props.onOpenDates(e.target.checked)}
        />
        <label htmlFor={openId}>{t('settings.openDates')}</label>
      </div>
    </fieldset>
  );
}
