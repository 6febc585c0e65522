"use client";

import { useRouter } from "next/navigation";
import type { ClassOption } from "../curation/class-match";
import { CellSamples } from "./cell-samples";
import { ConfusionMatrix } from "./confusion-matrix";

interface Props {
  modelId: number;
  split: string;
  classes: string[];
  confusion: number[][];
  allClasses: ClassOption[];
  selected: { trueLabel: string; predLabel: string } | null;
  /** A new evaluation reloads the open cell. */
  evaluationId: number;
}

/** The matrix and the grid of the clicked cell; the cell lives in the URL so pair links and reloads open it. */
export function ModelEvaluation({ modelId, split, classes, confusion, allClasses, selected, evaluationId }: Props) {
  const router = useRouter();
  return (
    <>
      <section className="panel" aria-label="Confusion matrix heat map">
        <ConfusionMatrix
          classes={classes}
          confusion={confusion}
          selected={selected}
          onSelect={(cell) => {
            const q = new URLSearchParams({ split, true: cell.trueLabel, pred: cell.predLabel });
            router.replace(`/models/${modelId}?${q}#cell`, { scroll: false });
          }}
        />
      </section>
      {selected && <CellSamples key={`${evaluationId}:${split}:${selected.trueLabel}:${selected.predLabel}`} modelId={modelId} split={split} trueLabel={selected.trueLabel} predLabel={selected.predLabel} classes={allClasses} />}
    </>
  );
}
