import { type ReactNode, useEffect, useId, useRef } from 'react';

/** A ref for a <dialog> that opens as a modal when it mounts (Escape, focus trap and backdrop by the browser). */
export function useShowModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  return ref;
}

interface ModalProps {
  title: string;
  /** data-testid of the <dialog>. */
  testId: string;
  /** Extra class beside `dialog`. */
  className?: string;
  /** Escape or a close button: the parent unmounts the dialog. */
  onClose(): void;
  children: ReactNode;
}

/** A modal dialog with a title; Escape calls `onClose`. */
export function Modal({ title, testId, className, onClose, children }: ModalProps) {
  const ref = useShowModal();
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
