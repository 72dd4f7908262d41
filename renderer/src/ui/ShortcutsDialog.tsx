import { Dialog } from './Dialog.tsx';

const SHORTCUTS: [string, string][] = [
  ['1, 2, 3 … (a tag’s key)', 'Tag the selection (or add the tag to the selected annotation)'],
  ['Enter', 'Open the tag list for the selection'],
  ['Shift + arrows', 'Select text from the keyboard (click in the text first)'],
  ['n / p', 'Next / previous annotation'],
  ['j / k', 'Next / previous article'],
  ['Alt + ← / →', 'Move the selected annotation’s end by a word'],
  ['Alt + Shift + ← / →', 'Move the selected annotation’s start by a word'],
  ['Delete', 'Delete the selected annotation'],
  ['Escape', 'Close the tag list, clear the selection'],
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Ctrl/⌘ + Shift + Z', 'Redo'],
  ['[ / ]', 'Hide or show the library / the annotations panel'],
  ['Ctrl/⌘ + K or /', 'Search the articles (the library’s search box)'],
  ['Ctrl/⌘ + F', 'Find in the open article; Enter / Shift + Enter: next / previous hit'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
