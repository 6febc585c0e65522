import fitted from "./placement-model.json";
import { placementModelSchema, type PlacementModel } from "./placement-model";

let cached: PlacementModel | undefined;

/** The placement model fitted on CROHME train-split writers (npm run fit:placement), validated once. */
export function shippedPlacementModel(): PlacementModel {
  return (cached ??= placementModelSchema.parse(fitted));
}
