import type { EmbeddingsMode } from "../answer/index.js";
import type { InFlight } from "./in-flight.js";
import type { BotEngine } from "./services.js";

/** Where the process is in its life: loading, taking updates, or draining before exit. */
export type Phase = "starting" | "ready" | "stopping";

/** The dense leg's state: not wanted, loaded, or wanted but not to be had (answers go on without). */
export type ModelState = "pending" | "off" | "loaded" | "unavailable";

/** What `GET /healthz` and `GET /readyz` report, as JSON. */
export interface HealthReport {
  /** The process answers HTTP at all: liveness. `/healthz` is 200 whenever it can answer. */
  readonly live: true;
  /** It takes updates: index loaded, model settled, bot started, not stopping. `/readyz` is 200 only then. */
  readonly ready: boolean;
  readonly phase: Phase;
  readonly index:
    | { readonly loaded: false }
    | {
        readonly loaded: true;
        readonly documents: number;
        readonly passages: number;
        readonly skipped: number;
      };
  readonly model: { readonly mode: EmbeddingsMode; readonly state: ModelState };
  readonly legs: readonly string[];
  readonly in_flight: number;
}

/**
 * Readiness apart from liveness, for a load balancer or an orchestrator: a webhook replica that is
 * still loading its index (or its model) or is draining before exit is alive — do not restart
 * it — but not ready — send Telegram's updates elsewhere. Start-up and shutdown move it along.
 */
export class Health {
  private phase: Phase = "starting";
  private engine: Pick<BotEngine, "indexes" | "legs"> | null = null;
  private skipped = 0;
  private inFlight: InFlight | null = null;

  constructor(private readonly mode: EmbeddingsMode) {}

  /** The index is loaded (and the model loaded or declined): the engine can answer. */
  engineOpened(engine: Pick<BotEngine, "indexes" | "legs">, skippedFiles: number): void {
    this.engine = engine;
    this.skipped = skippedFiles;
  }

  /** The bot takes updates. */
  serving(inFlight: InFlight): void {
    this.inFlight = inFlight;
    if (this.phase === "starting") this.phase = "ready";
  }

  /** A stop was requested: no new updates should be sent here. */
  stopping(): void {
    this.phase = "stopping";
  }

  /** What the probes answer now. */
  report(): HealthReport {
    const engine = this.engine;
    return {
      live: true,
      ready: this.phase === "ready" && engine !== null,
      phase: this.phase,
      index:
        engine === null
          ? { loaded: false }
          : {
              loaded: true,
              documents: engine.indexes.documents.length,
              passages: engine.indexes.passages.length,
              skipped: this.skipped,
            },
      model: { mode: this.mode, state: this.modelState() },
      legs: engine?.legs ?? [],
      in_flight: this.inFlight?.size ?? 0,
    };
  }

  private modelState(): ModelState {
    if (this.mode === "off") return "off";
    if (this.engine === null) return "pending";
    return this.engine.legs.includes("dense") ? "loaded" : "unavailable";
  }
}
