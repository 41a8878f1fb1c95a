import type { Ref } from 'react';
import { describedBy, Field } from './Field';

interface FilePathFieldProps {
  id: string;
  label: string;
  hint: string;
  /** Already translated; null when the path is acceptable. */
  error: string | null;
  /** data-testid prefix: `<testId>-input` and `<testId>-error`. */
  testId: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A file path typed by the user (backups): no spell-check or autocomplete, a generous length. */
export function FilePathField({
  id,
  label,
  hint,
  error,
  testId,
  value,
  onChange,
  disabled,
  inputRef,
}: FilePathFieldProps) {
  return (
    <Field label={label} htmlFor={id} hint={hint} error={error ?? undefined} errorTestId={`${testId}-error`}>
      <input
        ref={inputRef}
        id={id}
        data-testid={`${testId}-input`}
        value={value}
        spellCheck={false}
        autoComplete="off"
        maxLength={4096}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== null}
        aria-describedby={describedBy(id, true, error !== null)}
      />
    </Field>
  );
}
