// The application menu as data: a pure function of the platform and build, so every item and the
// command it sends can be tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge/contract.ts';

export interface MenuDeps {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  /** Deliver a command to the app (the renderer) through the bridge. */
  send: (command: MenuCommand) => void;
  openDataFolder: () => void;
  /** Non-macOS About box (macOS uses the standard About panel). */
  showAbout: () => void;
}

function command(deps: MenuDeps, id: MenuCommand, label: string, accelerator?: string, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions {
  return {
    id,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => deps.send(id),
    ...extra,
  };
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const isMac = deps.platform === 'darwin';
  // '&' marks the Alt-key mnemonic on Windows and Linux; macOS menus have none.
  const top = (label: string) => (isMac ? label : `&${label}`);
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: deps.appName,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: top('File'),
    submenu: [
      command(deps, 'new-project', 'New Project', 'CmdOrCtrl+N'),
      separator,
      command(deps, 'import-files', 'Import Files…', 'CmdOrCtrl+O'),
      command(deps, 'import-folder', 'Import Folder…', 'CmdOrCtrl+Shift+O'),
      separator,
      command(deps, 'export', 'Export…', 'CmdOrCtrl+E'),
      separator,
      { role: 'close', label: 'Close Window' },
      ...(isMac ? [] : [separator, { role: 'quit', label: 'Quit' } satisfies MenuItemConstructorOptions]),
    ],
  });

  template.push({
    label: top('Edit'),
    submenu: [
      // Annotations are undone by the app, not by the read-only page: these are app commands.
      // The shortcut is shown but not captured (registerAccelerator: false) so that text fields
      // keep their native undo and the app decides what Ctrl+Z means where the focus is.
      command(deps, 'undo', 'Undo', 'CmdOrCtrl+Z', { registerAccelerator: false }),
      command(deps, 'redo', 'Redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', { registerAccelerator: false }),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      separator,
      { role: 'selectAll' },
    ],
  });

  template.push({
    label: top('View'),
    submenu: [
      command(deps, 'toggle-library', 'Toggle Library', 'CmdOrCtrl+1'),
      command(deps, 'toggle-annotations', 'Toggle Annotations Panel', 'CmdOrCtrl+2'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(deps.isDev
        ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]
        : []),
    ],
  });

  if (isMac) template.push({ role: 'windowMenu' });

  template.push({
    role: 'help',
    label: top('Help'),
    submenu: [
      command(deps, 'show-shortcuts', 'Keyboard Shortcuts', 'CmdOrCtrl+/'),
      { id: 'open-data-folder', label: 'Open Data Folder', click: () => deps.openDataFolder() },
      ...(isMac ? [] : [separator, { id: 'about', label: `About ${deps.appName}`, click: () => deps.showAbout() } satisfies MenuItemConstructorOptions]),
    ],
  });

  return template;
}
