"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { PointerFilter } from "@/lib/ink/pointer-filter";

export type Point = [number, number];

interface Options {
  /** Canvas size in drawing units; points are stored in these units whatever the CSS size. */
  width: number;
  height: number;
  /** Pen width of the on-screen ink. */
  pen: number;
  /** Called when a stroke ends (pointer up or cancelled). */
  onStrokeEnd?: () => void;
}

/**
 * Pointer-event ink capture shared by the Draw and Solve pages: mouse, pen and touch (one stroke
 * at a time, a resting palm ignored once a pen draws: PointerFilter), strokes kept as point lists
 * (the stroke JSON of lib/ink/stroke-json.ts), drawn dark on white.
 */
export function useStrokeCanvas({ width, height, pen, onStrokeEnd }: Options) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokesRef = useRef<Point[][]>([]);
  const pointersRef = useRef(new PointerFilter());
  const onStrokeEndRef = useRef(onStrokeEnd);
  onStrokeEndRef.current = onStrokeEnd;
  const [strokeCount, setStrokeCount] = useState(0);

  const redraw = useCallback(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (ctx) paintStrokes(ctx, strokesRef.current, { width, height, pen, scale: 1 });
  }, [width, height, pen]);
  useEffect(redraw, [redraw]);

  const pointOf = (e: { clientX: number; clientY: number }): Point => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return [((e.clientX - rect.left) * width) / rect.width, ((e.clientY - rect.top) * height) / rect.height];
  };

  const endStroke = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!pointersRef.current.up(e)) return;
    onStrokeEndRef.current?.();
  };

  const handlers = {
    onPointerDown: (e: React.PointerEvent<HTMLCanvasElement>) => {
      e.preventDefault();
      if (!pointersRef.current.down(e)) return;
      try {
        // Keeps the stroke when the pointer leaves the canvas; without it the stroke still draws.
        canvasRef.current!.setPointerCapture(e.pointerId);
      } catch {
        // A pointer the browser no longer tracks (it lifted already) cannot be captured.
      }
      strokesRef.current.push([pointOf(e)]);
      setStrokeCount(strokesRef.current.length);
      redraw();
    },
    onPointerMove: (e: React.PointerEvent<HTMLCanvasElement>) => {
      if (!pointersRef.current.moves(e)) return;
      const stroke = strokesRef.current[strokesRef.current.length - 1];
      if (!stroke) return;
      // Pens report points between frames; keep them for smooth curves.
      const events = typeof e.nativeEvent.getCoalescedEvents === "function" ? e.nativeEvent.getCoalescedEvents() : [];
      for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
        const p = pointOf(ev);
        const last = stroke[stroke.length - 1]!;
        if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= 1) stroke.push(p);
      }
      redraw();
    },
    onPointerUp: endStroke,
    onPointerCancel: endStroke,
  };

  const clear = () => {
    strokesRef.current = [];
    setStrokeCount(0);
    redraw();
  };

  const undo = () => {
    strokesRef.current.pop();
    setStrokeCount(strokesRef.current.length);
    redraw();
  };

  /**
   * The strokes as a PNG drawn afresh at `scale` times the canvas size with a pen of `pen`
   * output pixels, instead of the on-screen ink (see the Solve page for why).
   */
  const exportPng = (options: { scale: number; pen: number }) =>
    new Promise<Blob>((resolve, reject) => {
      const out = document.createElement("canvas");
      out.width = Math.round(width * options.scale);
      out.height = Math.round(height * options.scale);
      const ctx = out.getContext("2d");
      if (!ctx) return reject(new Error("could not export the drawing"));
      paintStrokes(ctx, strokesRef.current, { width: out.width, height: out.height, pen: options.pen, scale: options.scale });
      out.toBlob((b) => (b ? resolve(b) : reject(new Error("could not export the drawing"))), "image/png");
    });

  return { canvasRef, strokesRef, strokeCount, handlers, clear, undo, exportPng };
}

/** Dark ink on white: every stroke as a round-capped polyline, points multiplied by `scale`. */
function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Point[][], o: { width: number; height: number; pen: number; scale: number }) {
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, o.width, o.height);
  ctx.strokeStyle = "#111";
  ctx.lineWidth = o.pen;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    ctx.beginPath();
    ctx.moveTo(first[0] * o.scale, first[1] * o.scale);
    if (rest.length === 0) ctx.lineTo(first[0] * o.scale + 0.01, first[1] * o.scale);
    for (const [x, y] of rest) ctx.lineTo(x * o.scale, y * o.scale);
    ctx.stroke();
  }
}
