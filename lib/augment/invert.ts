import { prepareOutput } from "./pixel-buffer";

/**
 * Swaps ink and background (255 - v): white-on-black becomes black-on-white. Applying it
 * twice gives the input back. Kept out of the default pipeline, since the model is trained
 * on the canonical white-on-black form.
 */
export function invertPolarity(pixels: Uint8Array, out?: Uint8Array): Uint8Array {
  const target = prepareOutput(pixels, out);
  for (let i = 0; i < pixels.length; i++) target[i] = 255 - pixels[i]!;
  return target;
}
