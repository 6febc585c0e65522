"use client";

import type { ParamSpec } from "@/lib/augment/operation";
import type { OperationSpec } from "./augment-planner";
import styles from "./augment.module.css";

/** One operation in the editor: every operation is listed; unchecked ones are left out of the pipeline. */
export interface StepState {
  op: string;
  enabled: boolean;
  probability: number;
  params: Record<string, [number, number]>;
}

function stepFor(spec: ParamSpec): number {
  if (spec.odd) return 2;
  if (spec.integer) return 1;
  const span = spec.max - spec.min;
  return span <= 1 ? 0.001 : span <= 10 ? 0.05 : 0.5;
}

/** Operations with their parameter ranges; a range with min = max is a fixed value. */
export function PipelineEditor({
  operations,
  steps,
  onChange,
}: {
  operations: OperationSpec[];
  steps: StepState[];
  onChange: (steps: StepState[]) => void;
}) {
  const specs = new Map(operations.map((o) => [o.name, o]));
  const update = (index: number, patch: Partial<StepState>) => onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <table className={styles.pipeline} aria-label="Pipeline">
      <thead>
        <tr>
          <th>use</th>
          <th>operation</th>
          <th>parameters (min – max)</th>
          <th>chance</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step, index) => {
          const op = specs.get(step.op)!;
          return (
            <tr key={step.op} className={step.enabled ? undefined : styles.off}>
              <td>
                <input type="checkbox" aria-label={`use ${step.op}`} checked={step.enabled} onChange={(e) => update(index, { enabled: e.target.checked })} />
              </td>
              <td title={op.description}>
                <strong>{step.op}</strong>
                {op.input === "strokes" && (
                  <div className={styles.hint}>ink samples only; runs first, and image-only parents are skipped</div>
                )}
              </td>
              <td>
                {Object.entries(op.params).length === 0 && <span className="muted">no parameters</span>}
                {Object.entries(op.params).map(([key, spec]) => {
                  const [low, high] = step.params[key] ?? [spec.default, spec.default];
                  const set = (pair: [number, number]) => update(index, { params: { ...step.params, [key]: pair } });
                  return (
                    <div key={key} className={styles.param} title={spec.description}>
                      <span className={styles.paramName}>{key}</span>
                      <input
                        type="number"
                        aria-label={`${step.op} ${key} min`}
                        value={low}
                        step={stepFor(spec)}
                        onChange={(e) => set([Number(e.target.value), high])}
                        disabled={!step.enabled}
                      />
                      –
                      <input
                        type="number"
                        aria-label={`${step.op} ${key} max`}
                        value={high}
                        step={stepFor(spec)}
                        onChange={(e) => set([low, Number(e.target.value)])}
                        disabled={!step.enabled}
                      />
                      <span className={styles.hint}>
                        [{spec.min}, {spec.max}]
                      </span>
                    </div>
                  );
                })}
              </td>
              <td>
                <input
                  type="number"
                  aria-label={`${step.op} chance`}
                  min={0}
                  max={1}
                  step={0.05}
                  value={step.probability}
                  onChange={(e) => update(index, { probability: Number(e.target.value) })}
                  disabled={!step.enabled}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
