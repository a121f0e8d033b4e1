import type { TMaterialKind, TTaskDetails } from '../../../../server/contracts/tasks.ts';
import { useT } from '../../i18n.ts';
import { MaterialSlot } from './MaterialSlot.tsx';

const KINDS: readonly TMaterialKind[] = ['video', 'audio', 'image'];

/** The task's materials by kind, each kind with as many slots as the server allows (one each today). */
export function MaterialsSection({
  details,
  onChange,
}: {
  details: TTaskDetails;
  onChange: (details: TTaskDetails) => void;
}) {
  const t = useT();
  return (
    <section className="card" data-testid="task-materials">
      <h2 className="section__title">{t('miniapp-task-materials')}</h2>
      <p className="muted task-materials__hint">{t('miniapp-task-materials-hint')}</p>
      {KINDS.flatMap((kind) => {
        const held = details.materials.filter((m) => m.kind === kind);
        const slots = Math.max(held.length, details.limits[kind]);
        return Array.from({ length: slots }, (_, index) => {
          const material = held[index];
          return (
            <MaterialSlot
              // By slot, not material id: the slot keeps its upload state when the upload becomes a material.
              // biome-ignore lint/suspicious/noArrayIndexKey: slots are fixed places that never reorder
              key={`${kind}-${index}`}
              taskId={details.task.id}
              kind={kind}
              material={material}
              onChange={onChange}
            />
          );
        });
      })}
    </section>
  );
}
