/** What a pointer event says about who is drawing (the fields of a DOM PointerEvent used here). */
export interface PointerInfo {
  pointerId: number;
  pointerType: string;
}

/**
 * Which pointer events draw ink. One stroke at a time: a second finger or the heel of a hand
 * touching down mid-stroke neither starts a stroke nor bends the one being drawn. Once a pen
 * has drawn, touches are a resting palm and are ignored (as drawing apps do); a mouse or a
 * finger alone draws as before.
 */
export class PointerFilter {
  private active: number | null = null;
  private penSeen = false;

  /** Whether this pointer-down starts a stroke. */
  down(e: PointerInfo): boolean {
    if (e.pointerType === "pen") this.penSeen = true;
    if (this.active !== null) return false;
    if (this.penSeen && e.pointerType === "touch") return false;
    this.active = e.pointerId;
    return true;
  }

  /** Whether this move belongs to the stroke being drawn. */
  moves(e: PointerInfo): boolean {
    return this.active === e.pointerId;
  }

  /** Whether this up or cancel ends the stroke being drawn. */
  up(e: PointerInfo): boolean {
    if (this.active !== e.pointerId) return false;
    this.active = null;
    return true;
  }
}
