"use client";

import { ACTIVATIONS, LOSSES, LR_SCHEDULES, OPTIMIZERS, SAMPLINGS, parseModelConfig } from "@/lib/ml/model-config";

const DEFAULTS = parseModelConfig({});

/** The hyper-parameters of the symbol CNN as form text, starting from the schema's defaults. */
export const DEFAULT_CONFIG = {
  convFilters: DEFAULTS.convFilters.join(","),
  kernelSize: String(DEFAULTS.kernelSize),
  poolSize: String(DEFAULTS.poolSize),
  denseUnits: String(DEFAULTS.denseUnits),
  dropout: String(DEFAULTS.dropout),
  activation: DEFAULTS.activation as string,
  loss: DEFAULTS.loss as string,
  optimizer: DEFAULTS.optimizer as string,
  learningRate: String(DEFAULTS.learningRate),
  lrSchedule: DEFAULTS.lrSchedule as string,
  batchSize: String(DEFAULTS.batchSize),
  epochs: String(DEFAULTS.epochs),
  patience: DEFAULTS.earlyStopping ? String(DEFAULTS.earlyStopping.patience) : "",
  classWeights: DEFAULTS.classWeights as string,
  sampling: DEFAULTS.sampling as string,
  seed: String(DEFAULTS.seed),
};
export type ConfigText = typeof DEFAULT_CONFIG;

/** Form text -> the API's config object (numbers parsed; blanks left out so defaults apply). */
export function toConfig(c: ConfigText): Record<string, unknown> {
  const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
  return {
    convFilters: c.convFilters.split(",").map((s) => Number(s.trim())).filter((n) => !Number.isNaN(n)),
    kernelSize: num(c.kernelSize),
    poolSize: num(c.poolSize),
    denseUnits: num(c.denseUnits),
    dropout: num(c.dropout),
    activation: c.activation,
    loss: c.loss,
    optimizer: c.optimizer,
    learningRate: num(c.learningRate),
    batchSize: num(c.batchSize),
    epochs: num(c.epochs),
    earlyStopping: c.patience.trim() ? { patience: Number(c.patience) } : undefined,
    classWeights: c.classWeights,
    sampling: c.sampling,
    lrSchedule: c.lrSchedule,
    seed: num(c.seed),
  };
}

const SELECTS: Record<string, string[]> = {
  activation: [...ACTIVATIONS],
  loss: [...LOSSES],
  optimizer: [...OPTIMIZERS],
  lrSchedule: [...LR_SCHEDULES],
  classWeights: ["none", "balanced"],
  sampling: [...SAMPLINGS],
};
const LABELS: Record<keyof ConfigText, string> = {
  convFilters: "Conv filters per layer",
  kernelSize: "Kernel size",
  poolSize: "Pool size",
  denseUnits: "Dense units",
  dropout: "Dropout",
  activation: "Activation",
  loss: "Loss",
  optimizer: "Optimizer",
  learningRate: "Learning rate",
  lrSchedule: "Learning-rate schedule",
  batchSize: "Batch size",
  epochs: "Epochs",
  patience: "Early stopping patience",
  classWeights: "Class weights",
  sampling: "Sampling",
  seed: "Seed",
};

export function ConfigFields({ value, onChange, errors }: { value: ConfigText; onChange: (v: ConfigText) => void; errors: Record<string, string> }) {
  return (
    <div className="config-grid">
      {(Object.keys(LABELS) as (keyof ConfigText)[]).map((key) => {
        const id = `cfg-${key}`;
        const error = errors[`config.${key}`] ?? (key === "patience" ? errors["config.earlyStopping.patience"] : undefined);
        return (
          <div key={key} className="field">
            <label htmlFor={id}>{LABELS[key]}</label>
            {SELECTS[key] ? (
              <select id={id} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })}>
                {SELECTS[key]!.map((o) => <option key={o}>{o}</option>)}
              </select>
            ) : (
              <input id={id} type="text" value={value[key]} placeholder={key === "patience" ? "off" : undefined} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />
            )}
            {error && <span className="error">{error}</span>}
          </div>
        );
      })}
    </div>
  );
}
