import { Dialog } from './Dialog.tsx';
import { KEY_BINDINGS } from '@shared/keys/key-bindings.ts';

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
          {KEY_BINDINGS.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                <kbd>{b.keys}</kbd>
              </th>
              <td>{b.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
