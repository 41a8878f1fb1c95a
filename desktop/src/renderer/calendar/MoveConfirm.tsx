import { useId, useRef } from 'react';
import { useShowModal } from '../ui/Modal';

interface Props {
  title: string;
  lines: string[];
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Modal confirmation of a hold move that raises warnings (radius clause, lower hold…). */
export function MoveConfirm({ title, lines, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const dialog = useShowModal();
  const titleId = useId();
  const answered = useRef(false);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="calendar-move-confirm"
      onClose={() => {
        if (!answered.current) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <ul className="cal-warnings">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          data-testid="calendar-move-cancel"
          onClick={() => {
            answered.current = true;
            onCancel();
          }}
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="calendar-move-accept"
          onClick={() => {
            answered.current = true;
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
