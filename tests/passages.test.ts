import { describe, expect, it } from "vitest";
import { loadCorpus, parseDocument } from "../src/corpus/index.js";
import { buildPassages } from "../src/passages/index.js";

const documents = await loadCorpus("corpus");
const passages = buildPassages(documents);

describe("passages of the real article", () => {
  const directives = passages.filter((p) => p.ordinal !== null);

  it("has eight directives with ordinals 1–8, in order, each heading kept with its text", () => {
    expect([...new Set(directives.map((p) => p.ordinal))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const labels = ["Бірінші", "Екінші", "Үшінші", "Төртінші", "Бесінші", "Алтыншы", "Жетінші", "Сегізінші"];
    for (const [i, label] of labels.entries()) {
      const first = directives.find((p) => p.ordinal === i + 1);
      expect(first?.section).toBe(label);
      expect(first?.text.replace(/^«/, "").split("\n")[0]).toBe(label);
    }
  });

  it("starts each directive's body with its own first words", () => {
    const firstWords = (ordinal: number) =>
      directives
        .find((p) => p.ordinal === ordinal)
        ?.text.split("\n")[1]
        ?.split(" ")
        .slice(0, 3)
        .join(" ");
    expect(firstWords(1)).toBe("Ассамблея жаңғырудың өзекті");
    expect(firstWords(2)).toBe("Жаңғырудың басымдықтарын, әлеуметтік");
    expect(firstWords(4)).toBe("ҚХА-ның «Жаңғыру жолы»");
    expect(firstWords(6)).toBe("Биыл біз Елорданың");
    expect(firstWords(8)).toBe("Қоғамның бірлігі тұрақты");
  });

  it("ends the last directive where the quoted speech closes, not at the end of the article", () => {
    const last = directives.filter((p) => p.ordinal === 8).at(-1);
    expect(last?.text).toMatch(/үйлестіру керек» деді Мемлекет басшысы\.$/);
    const speakers = passages.find((p) => p.text.includes("Н.Романова"));
    expect(speakers?.ordinal).toBeNull();
  });

  it("does not take the speech's three points (Біріншіден…) for directives", () => {
    for (const word of ["Біріншіден", "Екіншіден", "Үшіншіден"]) {
      const passage = passages.find((p) => p.text.includes(word));
      expect(passage?.ordinal, word).toBeNull();
      expect(passage?.section, word).toBeNull();
    }
    // Each point starts a passage of its own.
    expect(passages.some((p) => p.text.startsWith("Екіншіден"))).toBe(true);
    expect(passages.some((p) => p.text.startsWith("Үшіншіден"))).toBe(true);
  });

  it("never lets a passage cross a section boundary", () => {
    for (const p of passages) {
      const inside = passages.filter((q) => q.doc === p.doc && q.ordinal !== p.ordinal);
      for (const q of inside) {
        const overlap = p.lineStart <= q.lineEnd && q.lineStart <= p.lineEnd;
        expect(overlap, `passage ${p.id} overlaps ${q.id}`).toBe(false);
      }
    }
  });

  it("keeps citations true: every passage's text is found at its lines", () => {
    const lines = (documents[0]?.text ?? "").split("\n");
    for (const p of passages) {
      const source = lines.slice(p.lineStart - 1, p.lineEnd).join("\n");
      for (const piece of p.text.split("\n"))
        expect(source).toContain(piece.split(" ").slice(0, 4).join(" "));
    }
  });

  it("keeps passages under the size cap unless a single unbreakable piece is longer", () => {
    for (const p of buildPassages(documents, { maxChars: 400 }))
      expect(p.text.length).toBeLessThanOrEqual(400);
  });
});

describe("section detection is general, not a table of this article", () => {
  const doc = (text: string) => parseDocument("/tmp/x.txt", new TextEncoder().encode(text));

  it("finds numbered sections in another text of the same shape and in other languages", () => {
    const text =
      "Жаңа мақала\n\nКіріспе сөйлем.\nБірінші\nБіріншінің мәтіні.\nЕкінші\nЕкіншінің мәтіні.\nҮшінші\nҮшіншінің мәтіні.";
    const found = buildPassages([doc(text)]).filter((p) => p.ordinal !== null);
    expect(found.map((p) => [p.ordinal, p.section])).toEqual([
      [1, "Бірінші"],
      [2, "Екінші"],
      [3, "Үшінші"],
    ]);
    const english = buildPassages([doc("Title\nFirst\nDo this.\nSecond\nDo that.")]).filter(
      (p) => p.ordinal !== null,
    );
    expect(english.map((p) => p.ordinal)).toEqual([1, 2]);
  });

  it("treats a lone ordinal line or an out-of-order one as prose", () => {
    const found = buildPassages([doc("Title\nТөртінші\nМәтін.\nБірінші\nМәтін.")]).filter(
      (p) => p.ordinal !== null,
    );
    expect(found).toEqual([]);
  });

  it("ends an unquoted last section after as many paragraphs as the longest one before it", () => {
    const text = "T\nБірінші\na1\na2\nЕкінші\nb1\nb2\nc (closing prose)\nd (closing prose)";
    const ps = buildPassages([doc(text)], { maxChars: 18 });
    expect(ps.find((p) => p.text.startsWith("c "))?.ordinal).toBeNull();
    expect(ps.find((p) => p.text.endsWith("b2"))?.ordinal).toBe(2);
  });
});
