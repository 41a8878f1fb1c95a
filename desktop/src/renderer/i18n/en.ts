/**
 * English messages: the reference dictionary. Its keys are the MessageKey type, so a
 * key missing from another language, or a call with an unknown key, is a type error.
 * Placeholders are `{name}`; plural forms are `<key>.one` / `<key>.other`.
 */
export const en = {
  'app.name': 'Flow Stage',
  'app.tagline': 'Live music booking',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',

  'lang.label': 'Language',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'connection.missingToken.title': 'Open Flow Stage from its link',
  'connection.missingToken.body':
    'This page needs the private access link that Flow Stage printed when it started (it ends with #token=…). Open that link in this browser.',
  'connection.reconnecting':
    'The connection to the Flow Stage engine was lost. Reconnecting… If you restarted Flow Stage, open the new link it printed.',

  'auth.signIn.title': 'Sign in to your agency',
  'auth.signUp.title': 'Create your agency account',
  'auth.email': 'E-mail',
  'auth.password': 'Password',
  'auth.password.hint': 'At least 10 characters',
  'auth.name': 'Your name',
  'auth.agencyName': 'Agency name',
  'auth.agencyName.hint': 'Creates your agency workspace. Leave empty if you are joining an existing agency.',
  'auth.signIn.submit': 'Sign in',
  'auth.signUp.submit': 'Create account',
  'auth.busy': 'Please wait…',
  'auth.toSignUp': 'New to Flow Stage? Create an account',
  'auth.toSignIn': 'Already have an account? Sign in',
  'auth.pitch.title': 'Every date, every deal, every artist — even offline.',
  'auth.pitch.body': 'Your roster lives on this computer and syncs with your team as soon as you are online.',

  'workspace.choose.title': 'Choose a workspace',
  'workspace.choose.body': 'Your account belongs to several agencies. Which one do you want to open?',
  'workspace.none.title': 'No workspace yet',
  'workspace.none.body':
    'Your account is not a member of any agency workspace. Ask your agency to invite you, or sign up again with an agency name.',
  'workspace.label': 'Workspace',
  'workspace.role.owner': 'Owner',
  'workspace.role.agent': 'Agent',
  'workspace.role.assistant': 'Assistant',

  'topbar.signOut': 'Sign out',
  'topbar.signedInAs': 'Signed in as {name}',
  'topbar.backup': 'Backup',

  'backup.title': 'Back up this workspace',
  'backup.body':
    'Saves the whole workspace stored on this computer — artists, venues, contacts, deals and events — into one file. Keep it somewhere safe: it restores the workspace on another computer.',
  'backup.path': 'Backup file',
  'backup.path.hint':
    'Full path of the file to create. Missing folders are created; a file with the same name is replaced.',
  'backup.submit': 'Export',
  'backup.busy': 'Exporting…',
  'backup.close': 'Close',
  'backup.done': 'Backup saved: {path}',
  'backup.details': '{size} · {documents} · made {date}',
  'backup.documents.one': '{count} document',
  'backup.documents.other': '{count} documents',

  'restore.open': 'Restore from a backup file',
  'restore.title': 'Restore from a backup file',
  'restore.body.signedOut':
    'Setting up a new computer? Restore your workspace from a Flow Stage backup file, then sign in: it opens at once from this computer, without downloading everything.',
  'restore.body':
    'Restore a workspace from a Flow Stage backup file made on another computer. The whole file is checked before anything is written.',
  'restore.path': 'Backup file',
  'restore.path.hint': 'Full path of the backup file (.flowstage).',
  'restore.submit': 'Restore',
  'restore.busy': 'Checking and restoring…',
  'restore.cancel': 'Cancel',
  'restore.done.signIn': '“{name}” is restored on this computer ({documents}). Sign in to open it.',
  'restore.done': '“{name}” is restored ({documents}). Opening it…',
  'restore.dismiss': 'Close',

  'sync.synced': 'Synced',
  'sync.syncing': 'Syncing…',
  'sync.offline': 'Offline',
  'sync.error': 'Sync error',
  'sync.pending.one': '{count} change waiting to sync',
  'sync.pending.other': '{count} changes waiting to sync',
  'sync.lastError': 'Last error: {message}',
  'offline.banner':
    'You are offline. Your changes are saved on this computer and will sync when the connection returns.',

  'nav.label': 'Main navigation',
  'nav.roster': 'Roster',

  'roster.title': 'Roster',
  'roster.search.label': 'Search the roster',
  'roster.search.placeholder': 'Search name, genre, city…',
  'roster.count.one': '{count} artist',
  'roster.count.other': '{count} artists',
  'roster.empty': 'No artists in this roster yet.',
  'roster.noMatch': 'No artist matches “{search}”.',
  'roster.loading': 'Loading the roster…',
  'roster.error': 'The roster could not be loaded: {message}',
  'roster.sortBy': 'Sort by {column}',
  'roster.col.name': 'Name',
  'roster.col.kind': 'Type',
  'roster.col.genres': 'Genres',
  'roster.col.fee': 'Fee range',
  'roster.col.draw': 'Draw',
  'roster.col.home': 'Home base',
  'roster.col.deals': 'Deals',
  'roster.col.nextShow': 'Next show',
  'roster.none': '—',

  'kind.solo': 'Solo',
  'kind.band': 'Band',
  'kind.dj': 'DJ',
  'kind.ensemble': 'Ensemble',

  'country.FR': 'France',
  'country.BE': 'Belgium',
  'country.CH': 'Switzerland',

  'editor.title': 'Edit artist',
  'editor.close': 'Close',
  'editor.loading': 'Loading the artist…',
  'editor.loadError': 'The artist could not be loaded: {message}',
  'editor.name': 'Name',
  'editor.kind': 'Type',
  'editor.genres': 'Genres',
  'editor.genres.hint': 'Separate genres with commas',
  'editor.fees': 'Fee range',
  'editor.feeMin': 'Minimum fee',
  'editor.feeMax': 'Maximum fee',
  'editor.currency': 'Currency',
  'editor.draw': 'Draw (typical audience)',
  'editor.homeCity': 'Home city',
  'editor.homeCountry': 'Country',
  'editor.save': 'Save',
  'editor.saving': 'Saving…',
  'editor.saved': 'Saved',
  'editor.revert': 'Discard changes',
  'editor.noChanges': 'No changes to save.',
  'editor.updatedAt': 'Last updated {date}',
  'editor.saveError': 'The artist could not be saved: {message}',

  'validation.required': 'Required.',
  'validation.email': 'Enter a valid e-mail address.',
  'validation.passwordLength': 'The password must have at least 10 characters.',
  'validation.tooLong': 'At most {max} characters.',
  'validation.amount': 'Enter an amount, for example 1500 or 1500.50.',
  'validation.amountDecimals': 'At most 2 decimals.',
  'validation.amountTooLarge': 'This amount is too large.',
  'validation.feeOrder': 'Must not be less than the minimum fee.',
  'validation.integer': 'Enter a whole number.',
  'validation.range': 'Must be between {min} and {max}.',
  'validation.genreTooLong': 'Each genre has at most 60 characters.',
  'validation.tooManyGenres': 'At most 20 genres.',
  'validation.invalid': 'Invalid value.',
  'validation.absolutePath':
    'Enter the full path of the file, starting with / (or a drive letter such as C:\\).',

  'error.invalid_credentials': 'Wrong e-mail or password.',
  'error.email_taken': 'An account already exists with this e-mail. Sign in instead.',
  'error.network': 'Flow Stage servers cannot be reached. Check your internet connection and try again.',
  'error.rate_limited': 'Too many attempts. Wait a moment and try again.',
  'error.disconnected': 'The connection to the Flow Stage engine was interrupted. Try again.',
  'error.timeout': 'Flow Stage took too long to answer. Try again.',
  'error.invalid_params': 'Some fields are invalid.',
  'error.not_found': 'This item no longer exists.',
  'error.no_workspace': 'No workspace is open. Sign in again.',
  'error.backup_not_found': 'There is no file at this path. Check the path and try again.',
  'error.backup_unreadable': 'This file cannot be read. Check that you are allowed to open it.',
  'error.backup_not_a_backup': 'This file is not a Flow Stage backup. Nothing was restored.',
  'error.backup_unsupported_version':
    'This backup uses a format this version of Flow Stage cannot read. Update Flow Stage and try again. Nothing was restored.',
  'error.backup_truncated':
    'This backup file is incomplete: it was cut short (an interrupted copy or download?). Nothing was restored.',
  'error.backup_corrupt':
    'This backup file is damaged: its contents do not match its checksum. Nothing was restored.',
  'error.backup_invalid_header':
    'This backup file is damaged: its description cannot be read. Nothing was restored.',
  'error.backup_invalid_document':
    'This backup file is damaged: part of the workspace data cannot be read. Nothing was restored.',
  'error.backup_missing_root':
    'The main part of the workspace data is missing, so there is nothing to back up or restore. If the workspace is still syncing, wait and try again.',
  'error.backup_exists':
    'This workspace is already on this computer, so the backup was not restored and the workspace was left untouched. Open it instead: it syncs with your team.',
  'error.backup_write_failed':
    'Flow Stage could not write the file. Check that you may write to this folder and that the disk is not full.',
  'error.backup_not_member':
    'This backup belongs to a workspace your account cannot open. Sign in with an account of that agency, or ask it to invite you.',
  'error.unknown': 'Something went wrong ({message}).',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
