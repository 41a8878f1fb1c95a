import type { BackupSummary, SessionState } from '@flowstage/shared';
import { Email, Password } from '@flowstage/shared/api/cloud';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { LangSwitch } from '../app/LangSwitch';
import type { MessageKey } from '../i18n/en';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { describedBy, Field } from '../ui/Field';
import { documentCount } from '../workspace/backup-form';
import { RestoreBackup } from '../workspace/RestoreBackup';

type Mode = 'signIn' | 'signUp';
type AuthField = 'email' | 'password' | 'name' | 'agencyName';
type AuthErrors = Partial<Record<AuthField, MessageKey>>;

interface AuthValues {
  email: string;
  password: string;
  name: string;
  agencyName: string;
}

function validate(mode: Mode, values: AuthValues): AuthErrors {
  const errors: AuthErrors = {};
  if (values.email.trim() === '') errors.email = 'validation.required';
  else if (!Email.safeParse(values.email).success) errors.email = 'validation.email';
  if (values.password === '') errors.password = 'validation.required';
  else if (mode === 'signUp' && !Password.safeParse(values.password).success)
    errors.password = 'validation.passwordLength';
  if (mode === 'signUp' && values.name.trim() === '') errors.name = 'validation.required';
  return errors;
}

interface AuthScreenProps {
  onSession(state: SessionState): void;
  /** A backup was restored on this device before sign-in: open it once signed in. */
  onRestored(summary: BackupSummary): void;
}

/**
 * Sign-in and sign-up against the cloud account service (through the core); on a new
 * computer, a workspace can first be restored from a backup file.
 */
export function AuthScreen({ onSession, onRestored }: AuthScreenProps) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t } = i18n;
  const ids = useId();
  const [mode, setMode] = useState<Mode>('signIn');
  const [values, setValues] = useState<AuthValues>({ email: '', password: '', name: '', agencyName: '' });
  const [errors, setErrors] = useState<AuthErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = mode === 'signIn' ? 'signin' : 'signup';

  const update = (field: AuthField) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const switchMode = () => {
    setMode((current) => (current === 'signIn' ? 'signUp' : 'signIn'));
    setErrors({});
    setFormError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate(mode, values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const email = values.email.trim();
      const agencyName = values.agencyName.trim();
      const state =
        mode === 'signIn'
          ? await rpc.call('session.signIn', { email, password: values.password })
          : await rpc.call('session.signUp', {
              email,
              password: values.password,
              name: values.name.trim(),
              ...(agencyName ? { agencyName } : {}),
            });
      onSession(state);
    } catch (err) {
      setFormError(errorMessage(i18n, err));
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: AuthField,
    label: string,
    input: (id: string, invalid: boolean) => ReactNode,
    hint?: string,
  ) => {
    const id = `${ids}-${name}`;
    const error = errors[name];
    return (
      <Field
        label={label}
        htmlFor={id}
        hint={hint}
        error={error ? t(error) : undefined}
        errorTestId={`${prefix}-error-${name}`}
      >
        {input(id, Boolean(error))}
      </Field>
    );
  };

  return (
    <div className="auth-screen">
      <aside className="auth-pitch">
        <div className="brand brand-large">{t('app.name')}</div>
        <p className="auth-tagline">{t('app.tagline')}</p>
        <h2>{t('auth.pitch.title')}</h2>
        <p>{t('auth.pitch.body')}</p>
      </aside>
      <main className="auth-main">
        <LangSwitch className="auth-lang" />
        <div className="auth-column">
          <form className="card auth-card" onSubmit={submit} noValidate data-testid={`${prefix}-form`}>
            <h1>{mode === 'signIn' ? t('auth.signIn.title') : t('auth.signUp.title')}</h1>
            {mode === 'signUp'
              ? field('name', t('auth.name'), (id, invalid) => (
                  <input
                    id={id}
                    data-testid="signup-name"
                    autoComplete="name"
                    maxLength={120}
                    value={values.name}
                    onChange={update('name')}
                    aria-invalid={invalid}
                    aria-describedby={describedBy(id, false, invalid)}
                  />
                ))
              : null}
            {field('email', t('auth.email'), (id, invalid) => (
              <input
                id={id}
                data-testid={`${prefix}-email`}
                type="email"
                autoComplete="email"
                maxLength={254}
                value={values.email}
                onChange={update('email')}
                aria-invalid={invalid}
                aria-describedby={describedBy(id, false, invalid)}
              />
            ))}
            {field(
              'password',
              t('auth.password'),
              (id, invalid) => (
                <input
                  id={id}
                  data-testid={`${prefix}-password`}
                  type="password"
                  autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
                  maxLength={200}
                  value={values.password}
                  onChange={update('password')}
                  aria-invalid={invalid}
                  aria-describedby={describedBy(id, mode === 'signUp', invalid)}
                />
              ),
              mode === 'signUp' ? t('auth.password.hint') : undefined,
            )}
            {mode === 'signUp'
              ? field(
                  'agencyName',
                  t('auth.agencyName'),
                  (id, invalid) => (
                    <input
                      id={id}
                      data-testid="signup-agency"
                      autoComplete="organization"
                      maxLength={120}
                      value={values.agencyName}
                      onChange={update('agencyName')}
                      aria-invalid={invalid}
                      aria-describedby={describedBy(id, true, invalid)}
                    />
                  ),
                  t('auth.agencyName.hint'),
                )
              : null}
            {formError ? (
              <p className="form-error" role="alert" data-testid={`${prefix}-error`}>
                {formError}
              </p>
            ) : null}
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={busy}
              data-testid={`${prefix}-submit`}
            >
              {busy ? t('auth.busy') : mode === 'signIn' ? t('auth.signIn.submit') : t('auth.signUp.submit')}
            </button>
            <button
              type="button"
              className="button button-link"
              onClick={switchMode}
              data-testid="auth-mode-toggle"
            >
              {mode === 'signIn' ? t('auth.toSignUp') : t('auth.toSignIn')}
            </button>
          </form>
          <section className="card auth-card restore-card" data-testid="restore-section">
            <RestoreBackup
              intro={t('restore.body.signedOut')}
              disabled={busy}
              onRestored={async (summary) => {
                onRestored(summary);
                return t('restore.done.signIn', {
                  name: summary.name,
                  documents: documentCount(i18n, summary),
                });
              }}
            />
          </section>
        </div>
      </main>
    </div>
  );
}
