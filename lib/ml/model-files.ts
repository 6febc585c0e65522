/** File names of a saved model (tfjs layers format). Apart from model-io so the web server can name them without loading TensorFlow.js. */
export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";
