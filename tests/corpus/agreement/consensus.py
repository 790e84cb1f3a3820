"""Are the extractor's misses the contract's grey zones, or items both annotators agree on? (#11)

    .venv/bin/python tests/corpus/agreement/consensus.py ../shared

Over the dev sets that have a second reading (held-out sets are skipped), each gold item is "agreed"
when the second reading has it too (score.py's own matching, the second reading standing in for a
prediction). The script prints the extractor's recall on agreed items and on items only the gold has,
and, for its predictions that match no gold item, how many the second reading has: a prediction a
careful annotator also made is a grey zone of the contract, one neither made is a misreading.
"""

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from score_sets import held_out, in_repo_sets, load_scorer, run_in_process  # noqa: E402


def second_reading(corpus: Path, txt: Path) -> dict:
    """The second annotator's items, shaped as the scorer reads a prediction (and a gold file)."""
    reading = json.loads((HERE / corpus.name / txt.with_suffix(".ann.json").name).read_text("utf-8"))

    def city(value):
        return value[0] if isinstance(value, list) else value

    return {
        "meetings": [dict(m, city=city(m.get("city"))) for m in reading.get("meetings", [])],
        "commitments": [
            # the evidence sentence's opening serves as the anchor when this reading plays the gold
            dict(c, city=city(c.get("city")), anchor=c["evidence"][:50], evidence={"text": c["evidence"]})
            for c in reading.get("commitments", [])
        ],
    }


def tally(scorer, kind: str, match, gold: list, second: list, predicted: list, counts: Counter) -> None:
    agreed = {g for g, _ in match(gold, second)}
    found = dict(match(gold, predicted))
    for number in range(len(gold)):
        group = "agreed" if number in agreed else "gold only"
        counts[kind, group] += 1
        counts[kind, group, "found"] += number in found
    right = set(found.values())
    also_second = {p for _, p in match(second, predicted)}
    for number in range(len(predicted)):
        counts[kind, "predicted"] += 1
        if number not in right:
            counts[kind, "extra", "second reading has it" if number in also_second else "neither has it"] += 1


def main() -> int:
    scorer = load_scorer(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
    counts: Counter = Counter()
    sets = [c for c in in_repo_sets() if (HERE / c.name).is_dir() and not held_out(c)]
    for corpus in sets:
        for txt in sorted(corpus.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".gold.json").read_text("utf-8"))
            predicted, _ = run_in_process(None, txt, gold.get("published"), 60)
            predicted = predicted or {}
            second = second_reading(corpus, txt)
            for kind, match in (
                ("commitments", scorer.match_commitments),
                ("meetings", scorer.match_meetings),
            ):
                tally(scorer, kind, match, gold[kind], second[kind], predicted.get(kind) or [], counts)
    print(f"sets: {', '.join(c.name for c in sets)}")
    for kind in ("commitments", "meetings"):
        print(f"{kind}:")
        for group in ("agreed", "gold only"):
            total = counts[kind, group]
            share = counts[kind, group, "found"] / total if total else 0.0
            print(f"  {group}: {total} gold items, the extractor finds {share:.3f}")
        extra = counts[kind, "extra", "second reading has it"] + counts[kind, "extra", "neither has it"]
        print(
            f"  {counts[kind, 'predicted']} predictions, {extra} match no gold item: "
            f"{counts[kind, 'extra', 'second reading has it']} of them the second reading has, "
            f"{counts[kind, 'extra', 'neither has it']} neither annotator has"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
