import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import type { Note } from '@shared/model/types.ts';

interface NoteEditorProps {
  note: Note | undefined;
  onSave: (note: Note | undefined) => void;
}

const SAVE_AFTER_MS = 800;

/**
 * A small rich-text editor for an annotation's note. Saves shortly after typing pauses, on blur
 * and when it goes away (switching annotation or article), so nothing typed is ever lost.
 */
export function NoteEditor({ note, onSave }: NoteEditorProps) {
  const saved = useRef(JSON.stringify(note?.doc ?? null));
  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  });
  const timer = useRef<number | undefined>(undefined);

  const save = (e: Editor) => {
    window.clearTimeout(timer.current);
    const text = e.getText().trim();
    const doc = text ? e.getJSON() : null;
    const serialised = JSON.stringify(doc);
    if (serialised === saved.current) return;
    saved.current = serialised;
    onSaveRef.current(text ? { text, doc } : undefined);
  };

  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: false, codeBlock: false, horizontalRule: false, link: false })],
    content: (note?.doc as object | undefined) ?? '',
    editorProps: { attributes: { class: 'note-editor-content', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Note' } },
    onUpdate: ({ editor: e }) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => save(e), SAVE_AFTER_MS);
    },
    onBlur: ({ editor: e }) => save(e),
  });

  useEffect(() => {
    if (!editor) return;
    return () => save(editor);
  }, [editor]);

  // Undo/redo elsewhere may change the stored note: show it unless the user is typing.
  useEffect(() => {
    if (!editor || editor.isFocused) return;
    const serialised = JSON.stringify(note?.doc ?? null);
    if (serialised === saved.current) return;
    saved.current = serialised;
    editor.commands.setContent((note?.doc as object | undefined) ?? '');
  }, [editor, note]);
  return <EditorContent editor={editor} className="note-editor" />;
}
