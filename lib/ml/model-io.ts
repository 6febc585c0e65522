import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { MODEL_JSON, WEIGHTS_BIN } from "./model-files";

export { MODEL_JSON, WEIGHTS_BIN };

export interface SaveModelOptions {
  /** Stored as userDefinedMetadata in model.json (class names, config, metrics...). */
  metadata?: Record<string, unknown>;
}

/**
 * Saves a LayersModel as dir/model.json + dir/weights.bin (the tfjs layers format that
 * tf.loadLayersModel and tfjs-node's file:// handler read). Files are written into a sibling
 * temp dir that is then renamed into place, so readers never see a half-written model; an
 * existing model at dir is replaced.
 */
export async function saveModel(model: tf.LayersModel, dir: string, options: SaveModelOptions = {}): Promise<tf.io.SaveResult> {
  const target = path.resolve(dir);
  return model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = joinWeights(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        format: artifacts.format ?? "layers-model",
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(options.metadata || artifacts.userDefinedMetadata
          ? { userDefinedMetadata: { ...(artifacts.userDefinedMetadata ?? {}), ...(options.metadata ?? {}) } as {} }
          : {}),
      };
      await mkdir(path.dirname(target), { recursive: true });
      const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
      const temp = `${target}.tmp-${suffix}`;
      const old = `${target}.old-${suffix}`;
      await mkdir(temp);
      try {
        await writeFile(path.join(temp, WEIGHTS_BIN), new Uint8Array(weightData));
        await writeFile(path.join(temp, MODEL_JSON), JSON.stringify(modelJson));
        // rename() cannot replace a non-empty directory: move the old one aside first.
        let hadOld = false;
        try {
          await rename(target, old);
          hadOld = true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
        await rename(temp, target);
        if (hadOld) await rm(old, { recursive: true, force: true });
      } catch (error) {
        await rm(temp, { recursive: true, force: true });
        throw error;
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, weightData }) };
    }),
  );
}

/** IOHandler reading dir/model.json and the weight files it lists, with node:fs. */
export function fileLoadHandler(dir: string): tf.io.IOHandler {
  const root = path.resolve(dir);
  return {
    load: async () => {
      const json = JSON.parse(await readFile(path.join(root, MODEL_JSON), "utf8")) as tf.io.ModelJSON;
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Uint8Array[] = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(await readFile(path.join(root, p)));
      }
      const total = buffers.reduce((n, b) => n + b.byteLength, 0);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const b of buffers) {
        weightData.set(b, offset);
        offset += b.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        trainingConfig: json.trainingConfig,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs,
        weightData: weightData.buffer,
      };
    },
  };
}

/** Loads a model written by saveModel (or any tfjs layers model.json + weights on disk). */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileLoadHandler(dir));
}

/** The userDefinedMetadata of a saved model, without building it. */
export async function readModelMetadata(dir: string): Promise<Record<string, unknown> | undefined> {
  const json = JSON.parse(await readFile(path.join(path.resolve(dir), MODEL_JSON), "utf8")) as tf.io.ModelJSON;
  return json.userDefinedMetadata as Record<string, unknown> | undefined;
}

function joinWeights(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  return tf.io.CompositeArrayBuffer.join(data);
}
