import { z } from "zod";

export const ACTIVATIONS = ["relu", "sigmoid", "tanh", "elu"] as const;
export const LOSSES = ["categoricalCrossentropy", "sparseCategoricalCrossentropy"] as const;
export const OPTIMIZERS = ["adam", "rmsprop", "sgd"] as const;
export const SAMPLINGS = ["shuffle", "sqrt-balanced"] as const;
export const LR_SCHEDULES = ["constant", "cosine"] as const;

/**
 * Hyper-parameters of the symbol CNN. Defaults are the earlier Keras work's: two 3x3
 * convolutions (32, 64) each followed by 2x2 max-pooling, dropout 0.4, dense 128, Adam 1e-3;
 * plus what took the 17 Kaggle classes past 97% macro F1: sqrt-balanced sampling with prior
 * correction and a cosine learning-rate decay.
 */
export const modelConfigSchema = z.object({
  convFilters: z.array(z.number().int().min(1).max(512)).min(1).max(4).default([32, 64]),
  kernelSize: z.number().int().min(2).max(5).default(3),
  poolSize: z.number().int().min(1).max(4).default(2),
  denseUnits: z.number().int().min(1).max(2048).default(128),
  dropout: z.number().min(0).max(0.9).default(0.4),
  activation: z.enum(ACTIVATIONS).default("relu"),
  loss: z.enum(LOSSES).default("categoricalCrossentropy"),
  optimizer: z.enum(OPTIMIZERS).default("adam"),
  learningRate: z.number().positive().max(1).default(0.001),
  batchSize: z.number().int().min(1).max(4096).default(64),
  epochs: z.number().int().min(1).max(1000).default(10),
  earlyStopping: z
    .object({
      patience: z.number().int().min(1).max(100),
      /** Smallest decrease of the monitored loss that counts as an improvement. */
      minDelta: z.number().min(0).default(0),
      /** Put back the weights of the best epoch when training stops. */
      restoreBestWeights: z.boolean().default(true),
    })
    .optional(),
  classWeights: z.enum(["none", "balanced"]).default("none"),
  /**
   * How an epoch draws its samples. "shuffle" visits every sample once. "sqrt-balanced" keeps
   * the epoch length but gives each class a share proportional to the square root of its size,
   * so a class 30x rarer is seen about 5x more often than its share, repeating (freshly
   * augmented) samples of rare classes instead of scaling their loss, which destabilised training.
   * After training the output is corrected back to the data's own class prior (prior-correction.ts).
   */
  sampling: z.enum(SAMPLINGS).default("sqrt-balanced"),
  /** "cosine" decays the learning rate per step from learningRate to 0 over the planned epochs. */
  lrSchedule: z.enum(LR_SCHEDULES).default("cosine"),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
});

export type ModelConfig = z.infer<typeof modelConfigSchema>;
export type ModelConfigInput = z.input<typeof modelConfigSchema>;

/** Validates and fills defaults; throws a ZodError whose issues name the offending field. */
export function parseModelConfig(input: unknown = {}): ModelConfig {
  return modelConfigSchema.parse(input ?? {});
}

/** Output side of each (conv valid, pool) stage for a 45x45 input; null once it would vanish. */
export function featureMapSizes(config: Pick<ModelConfig, "convFilters" | "kernelSize" | "poolSize">, inputSize = 45): number[] | null {
  const sizes: number[] = [];
  let side = inputSize;
  for (let i = 0; i < config.convFilters.length; i++) {
    side = side - config.kernelSize + 1;
    side = Math.floor(side / config.poolSize);
    if (side < 1) return null;
    sizes.push(side);
  }
  return sizes;
}

/** Same as modelConfigSchema, plus a check that the feature maps do not shrink to nothing. */
export const checkedModelConfigSchema = modelConfigSchema.superRefine((config, ctx) => {
  if (!featureMapSizes(config)) {
    ctx.addIssue({
      code: "custom",
      path: ["convFilters"],
      message: `${config.convFilters.length} conv/pool stages with kernel ${config.kernelSize} and pool ${config.poolSize} shrink a 45x45 input to nothing`,
    });
  }
});
