import * as tf from "@tensorflow/tfjs";
import { CANONICAL_SIZE } from "../images/canonical-form";
import { checkedModelConfigSchema, type ModelConfig } from "./model-config";

/**
 * Builds (does not compile) the symbol CNN: per entry of convFilters a valid kxk convolution
 * then max-pooling, then flatten, dropout, dense, softmax over numClasses. Input [45,45,1],
 * values in [0,1]. Weight initialisation is seeded from config.seed; dropout is not (a seeded
 * tfjs dropout draws the same mask at every step).
 */
export function createModel(config: ModelConfig, numClasses: number): tf.LayersModel {
  checkedModelConfigSchema.parse(config);
  if (!Number.isInteger(numClasses) || numClasses < 2) {
    throw new Error(`numClasses must be an integer >= 2, got ${numClasses}`);
  }
  let seed = config.seed;
  const init = () => tf.initializers.glorotUniform({ seed: seed++ });
  const model = tf.sequential({ name: "inkset_cnn" });
  config.convFilters.forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [CANONICAL_SIZE, CANONICAL_SIZE, 1] } : {}),
        filters,
        kernelSize: config.kernelSize,
        activation: config.activation,
        padding: "valid",
        kernelInitializer: init(),
        name: `conv${i + 1}`,
      }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: config.poolSize, name: `pool${i + 1}` }));
  });
  model.add(tf.layers.flatten({ name: "flatten" }));
  if (config.dropout > 0) model.add(tf.layers.dropout({ rate: config.dropout, name: "dropout" }));
  model.add(
    tf.layers.dense({ units: config.denseUnits, activation: config.activation, kernelInitializer: init(), name: "dense" }),
  );
  model.add(tf.layers.dense({ units: numClasses, activation: "softmax", kernelInitializer: init(), name: "output" }));
  return model;
}
