import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  htmlFor: string;
  hint?: string;
  /** Already translated. */
  error?: string;
  /** data-testid of the error message. */
  errorTestId?: string;
  children: ReactNode;
  className?: string;
}

/** A labelled form control with an optional hint and error (linked by id for screen readers). */
export function Field({ label, htmlFor, hint, error, errorTestId, children, className }: FieldProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && !error ? (
        <p className="field-hint" id={`${htmlFor}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${htmlFor}-error`} role="alert" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria-describedby for a control rendered inside <Field>. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}
