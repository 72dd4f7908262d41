import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../../shared/bridge/contract.ts';
import { buildMenuTemplate, type MenuDeps } from './menu.ts';

function build(platform: NodeJS.Platform, isDev = false) {
  const deps: MenuDeps = { platform, isDev, appName: 'Presswork', send: vi.fn(), openDataFolder: vi.fn(), showAbout: vi.fn() };
  return { deps, template: buildMenuTemplate(deps) };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (item === undefined || !Array.isArray(item.submenu)) throw new Error('no submenu');
  return item.submenu;
}

function topLabels(template: MenuItemConstructorOptions[]): string[] {
  return template.map((item) => (item.label ?? item.role ?? '').replace('&', ''));
}

function all(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = template.find((entry) => (entry.label ?? '').replace('&', '') === label);
  if (item === undefined) throw new Error(`no ${label} menu`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it('uses Alt-key mnemonics except on macOS', () => {
    expect(build('linux').template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(build('darwin').template.map((item) => item.label ?? item.role)).toEqual(['Presswork', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
  });

  it('follows each platform’s layout', () => {
    expect(topLabels(build('darwin').template)).toEqual(['Presswork', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(topLabels(build('win32').template)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(topLabels(build('linux').template)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('puts Quit and About in the app menu on macOS and in File/Help elsewhere', () => {
    const mac = build('darwin').template;
    expect(submenu(mac[0]).map((item) => item.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(submenu(find(mac, 'File')).some((item) => item.role === 'quit')).toBe(false);
    expect(all(mac).some((item) => item.id === 'about')).toBe(false);

    const { template, deps } = build('linux');
    const file = submenu(find(template, 'File'));
    expect(file.at(-1)?.role).toBe('quit');
    const about = submenu(find(template, 'Help')).find((item) => item.id === 'about');
    expect(about?.label).toBe('About Presswork');
    click(about as MenuItemConstructorOptions);
    expect(deps.showAbout).toHaveBeenCalledOnce();
  });

  it('File has New project, Import files, Import folder, Export, Close window', () => {
    const file = submenu(find(build('win32').template, 'File')).filter((item) => item.type !== 'separator');
    expect(file.map((item) => item.label)).toEqual(['New Project', 'Import Files…', 'Import Folder…', 'Export…', 'Close Window', 'Quit']);
    expect(file.find((item) => item.label === 'Close Window')?.role).toBe('close');
  });

  it.each(['darwin', 'win32', 'linux'] as const)('every app command item sends its command on %s', (platform) => {
    const { template, deps } = build(platform);
    const commandItems = all(template).filter((item) => (MENU_COMMANDS as readonly string[]).includes(item.id ?? ''));
    expect(commandItems.map((item) => item.id).sort()).toEqual([...MENU_COMMANDS].sort());
    for (const item of commandItems) click(item);
    expect(vi.mocked(deps.send).mock.calls.map(([command]) => command)).toEqual(commandItems.map((item) => item.id));
  });

  it('routes Undo/Redo to the app without stealing the keys from text fields', () => {
    const edit = submenu(find(build('linux').template, 'Edit'));
    const undo = edit.find((item) => item.id === 'undo');
    const redo = edit.find((item) => item.id === 'redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'Ctrl+Y', registerAccelerator: false });
    expect(undo?.role).toBeUndefined();
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(submenu(find(build('darwin').template, 'Edit')).find((item) => item.id === 'redo')?.accelerator).toBe('Shift+Cmd+Z');
  });

  it('offers DevTools and reload only in development builds', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools'];
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const release = all(build(platform, false).template).map((item) => item.role);
      const dev = all(build(platform, true).template).map((item) => item.role);
      for (const role of devRoles) {
        expect(release).not.toContain(role);
        expect(dev).toContain(role);
      }
    }
  });

  it('View has zoom and panel toggles; Help opens the data folder', () => {
    const { template, deps } = build('linux');
    const view = submenu(find(template, 'View'));
    expect(view.map((item) => item.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const help = submenu(find(template, 'Help'));
    expect(help[0]?.id).toBe('show-shortcuts');
    click(help.find((item) => item.id === 'open-data-folder') as MenuItemConstructorOptions);
    expect(deps.openDataFolder).toHaveBeenCalledOnce();
  });

  it('uses each accelerator at most once', () => {
    const accelerators = all(build('linux').template).flatMap((item) => (item.accelerator === undefined ? [] : [item.accelerator]));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
