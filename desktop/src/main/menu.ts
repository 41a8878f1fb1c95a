/**
 * The native menu as a pure template: macOS gets the app menu, Windows/Linux a File
 * menu; labels follow the app language (FR/EN); app commands carry a `command` that
 * the Electron adapter (menu-electron.ts) turns into a typed shell event for the
 * renderer. Standard edit/window items use Electron roles. Reload/devtools only in dev.
 */
import type { MenuCommand } from '@flowstage/shared';

export type MenuLang = 'fr' | 'en';
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  /** An app command: sent to the renderer as `{ type: 'menu', command }`. */
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  lang: MenuLang;
  dev: boolean;
  appName?: string;
}

const LABELS = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    settings: 'Settings…',
    preferences: 'Settings…',
    newArtist: 'New artist',
    search: 'Search…',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    reload: 'Reload',
    forceReload: 'Force reload',
    devTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close window',
    front: 'Bring all to front',
    about: 'About Flow Stage',
    services: 'Services',
    hide: 'Hide Flow Stage',
    hideOthers: 'Hide others',
    unhide: 'Show all',
    quit: 'Quit Flow Stage',
    exit: 'Exit',
  },
  fr: {
    file: 'Fichier',
    edit: 'Édition',
    view: 'Affichage',
    window: 'Fenêtre',
    help: 'Aide',
    settings: 'Paramètres…',
    preferences: 'Réglages…',
    newArtist: 'Nouvel artiste',
    search: 'Rechercher…',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    reload: 'Recharger',
    forceReload: 'Forcer le rechargement',
    devTools: 'Outils de développement',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    fullScreen: 'Plein écran',
    minimize: 'Réduire',
    zoom: 'Agrandir',
    close: 'Fermer la fenêtre',
    front: 'Tout ramener au premier plan',
    about: 'À propos de Flow Stage',
    services: 'Services',
    hide: 'Masquer Flow Stage',
    hideOthers: 'Masquer les autres',
    unhide: 'Tout afficher',
    quit: 'Quitter Flow Stage',
    exit: 'Quitter',
  },
} as const satisfies Record<MenuLang, Record<string, string>>;

/** 'fr' for any French locale (fr, fr-FR, fr-BE, fr-CH…), else 'en'. */
export function menuLangFor(locale: string | null | undefined): MenuLang {
  return typeof locale === 'string' && /^fr(\b|[-_])/i.test(locale) ? 'fr' : 'en';
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

export function buildMenuTemplate(options: MenuOptions): MenuItemSpec[] {
  const t = LABELS[options.lang];
  const mac = options.platform === 'darwin';
  const template: MenuItemSpec[] = [];

  if (mac) {
    template.push({
      label: options.appName ?? 'Flow Stage',
      submenu: [
        { label: t.about, role: 'about' },
        SEPARATOR,
        { label: t.preferences, accelerator: 'CmdOrCtrl+,', command: 'settings' },
        SEPARATOR,
        { label: t.services, role: 'services' },
        SEPARATOR,
        { label: t.hide, role: 'hide' },
        { label: t.hideOthers, role: 'hideOthers' },
        { label: t.unhide, role: 'unhide' },
        SEPARATOR,
        { label: t.quit, role: 'quit' },
      ],
    });
  }

  template.push({
    label: t.file,
    submenu: [
      { label: t.newArtist, accelerator: 'CmdOrCtrl+N', command: 'newArtist' },
      { label: t.search, accelerator: 'CmdOrCtrl+K', command: 'search' },
      ...(mac
        ? [SEPARATOR, { label: t.close, role: 'close' as const }]
        : [
            SEPARATOR,
            { label: t.settings, accelerator: 'CmdOrCtrl+,', command: 'settings' as const },
            SEPARATOR,
            { label: t.exit, role: 'quit' as const },
          ]),
    ],
  });

  template.push({
    label: t.edit,
    submenu: [
      // Undo/redo go to the app's own history (Yjs), not the text field's.
      { label: t.undo, accelerator: 'CmdOrCtrl+Z', command: 'undo' },
      { label: t.redo, accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y', command: 'redo' },
      SEPARATOR,
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  });

  template.push({
    label: t.view,
    submenu: [
      ...(options.dev
        ? [
            { label: t.reload, role: 'reload' as const },
            { label: t.forceReload, role: 'forceReload' as const },
            { label: t.devTools, role: 'toggleDevTools' as const },
            SEPARATOR,
          ]
        : []),
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      SEPARATOR,
      { label: t.fullScreen, role: 'togglefullscreen' },
    ],
  });

  template.push({
    label: t.window,
    submenu: mac
      ? [
          { label: t.minimize, role: 'minimize' },
          { label: t.zoom, role: 'zoom' },
          SEPARATOR,
          { label: t.front, role: 'front' },
        ]
      : [
          { label: t.minimize, role: 'minimize' },
          { label: t.close, role: 'close' },
        ],
  });

  if (!mac) {
    template.push({ label: t.help, submenu: [{ label: t.about, command: 'about' }] });
  }
  return template;
}

/** Every item of a template, depth first (for tests and for the adapter). */
export function flattenMenu(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
