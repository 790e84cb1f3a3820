"""Would a learned model help the rules? Leave-one-set-out over the dev sets under tests/corpus (#11).

    .venv/bin/pip install -e '.[research]'
    .venv/bin/python tests/corpus/learned_baseline.py ../shared

Two questions, each asked of every dev set blind3 ... in turn with a model trained on all the others
(the sets were written by different people, so a left-out set stands for texts nobody annotated):

1. A filter: a TF-IDF (one and two words) logistic regression over each predicted commitment's sentence,
   kind, firmness and window, trained to tell the predictions that match gold from the extra ones. The
   exact F1 pooled over the left-out sets is printed before and after dropping the predictions the model
   scores under each threshold.
2. Recall: the same kind of model over the sentences that hold an event word but no predicted
   commitment, trained to tell those that hold a gold commitment. It prints how many left-out gold
   sentences it finds, and how many false ones, at each threshold.

Held-out sets (README "## Held out") are never read. scikit-learn is needed only here, which is why it is
an optional extra and not a dependency of the tracker.
"""

import copy
import datetime as dt
import json
import sys
from pathlib import Path

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
except ImportError:
    sys.exit("learned_baseline: scikit-learn is not installed; run: .venv/bin/pip install -e '.[research]'")

from score_sets import held_out, in_repo_sets, load_scorer, run_in_process

from tracker.extraction.context import DocumentContext

FIRST_LEFT_OUT = 3  # blind and blind2 were read closely for many sessions; leave out blind3 onwards
FILTER_THRESHOLDS = (0.2, 0.3, 0.4)
RECALL_THRESHOLDS = (0.7, 0.85)


def model():
    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=3, max_iter=3000, class_weight="balanced"),
    )


def read_sets() -> dict[str, list[dict]]:
    """Each dev set's documents: text, gold and the extractor's JSON."""
    found = {}
    for corpus in in_repo_sets():
        if held_out(corpus):
            continue
        documents = []
        for txt in sorted(corpus.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".gold.json").read_text("utf-8"))
            prediction, _ = run_in_process(None, txt, gold.get("published"), 60)
            documents.append({"text": txt.read_text("utf-8"), "gold": gold, "pred": prediction or {}})
        found[corpus.name] = documents
    return found


def filter_sample(document: dict, item: dict) -> str:
    window = item.get("window") or {}
    words = [f"K_{item.get('kind')}", f"F_{item.get('firmness')}", f"P_{window.get('precision')}"]
    published = document["gold"].get("published")
    if window.get("start") and published:
        words.append("PAST" if window["start"] < published else "AHEAD")
    if item.get("city"):
        words.append("HASCITY")
    return item["evidence"]["text"] + " " + " ".join(words)


def filter_samples(scorer, documents: list[dict]):
    samples, labels, where = [], [], []
    for document in documents:
        gold, predicted = document["gold"].get("commitments", []), document["pred"].get("commitments") or []
        matched = {p for _, p in scorer.match_commitments(gold, predicted)}
        for number, item in enumerate(predicted):
            samples.append(filter_sample(document, item))
            labels.append(int(number in matched))
            where.append((document, number))
    return samples, labels, where


def counts(scorer, documents: list[dict]) -> tuple[int, int, int]:
    """Exact matches, predictions and gold commitments."""
    exact = predicted_total = gold_total = 0
    for document in documents:
        gold, predicted = document["gold"].get("commitments", []), document["pred"].get("commitments") or []
        for g, p in scorer.match_commitments(gold, predicted):
            exact += scorer.window(gold[g]) == scorer.window(predicted[p]) and scorer.city_ok(
                gold[g].get("city"), predicted[p].get("city")
            )
        predicted_total += len(predicted)
        gold_total += len(gold)
    return exact, predicted_total, gold_total


def dropping(documents: list[dict], where: list, scores, threshold: float) -> list[dict]:
    """Copies of `documents` without the predicted commitments (`where`: (document, number)) scored
    under `threshold`."""
    dropped = {(id(d), n) for (d, n), score in zip(where, scores) if score < threshold}
    kept = [copy.deepcopy(d) for d in documents]
    for original, copied in zip(documents, kept):
        copied["pred"]["commitments"] = [
            item
            for n, item in enumerate(original["pred"].get("commitments") or [])
            if (id(original), n) not in dropped
        ]
    return kept


def ask_the_filter(scorer, sets: dict[str, list[dict]], left_out: list[str]) -> None:
    before = [0, 0, 0]
    after = {threshold: [0, 0, 0] for threshold in FILTER_THRESHOLDS}
    for name in left_out:
        trained = model()
        samples, labels, _ = filter_samples(
            scorer, [d for other in sets if other != name for d in sets[other]]
        )
        trained.fit(samples, labels)
        samples, _, where = filter_samples(scorer, sets[name])
        scores = trained.predict_proba(samples)[:, 1] if samples else []
        before = [a + b for a, b in zip(before, counts(scorer, sets[name]))]
        for threshold in FILTER_THRESHOLDS:
            kept = dropping(sets[name], where, scores, threshold)
            after[threshold] = [a + b for a, b in zip(after[threshold], counts(scorer, kept))]
    print(f"filter: exact F1 pooled over {len(left_out)} left-out sets, before {scorer.f1(*before)[2]:.3f}")
    for threshold, figures in after.items():
        print(f"  dropping predictions scored under {threshold}: {scorer.f1(*figures)[2]:.3f}")


def candidate_sentences(scorer, document: dict) -> list[tuple[str, bool]]:
    """Sentences with an event word and no predicted commitment, each with whether gold has one there."""
    published = document["gold"].get("published")
    context = DocumentContext.read(document["text"], dt.date.fromisoformat(published) if published else None)
    gold = document["gold"].get("commitments", [])
    predicted = document["pred"].get("commitments") or []
    found = []
    for sentence in context.sentences:
        if any(
            sentence.start < p["evidence"]["end"] and p["evidence"]["start"] < sentence.end for p in predicted
        ):
            continue
        if not context.events(sentence):
            continue
        folded = scorer.fold(sentence.text)
        found.append((sentence.text, any(scorer.fold(g["anchor"]) in folded for g in gold)))
    return found


def ask_for_recall(scorer, sets: dict[str, list[dict]], left_out: list[str]) -> None:
    sentences = {
        name: [s for d in documents for s in candidate_sentences(scorer, d)]
        for name, documents in sets.items()
    }
    found = {threshold: [0, 0] for threshold in RECALL_THRESHOLDS}
    positives = 0
    for name in left_out:
        training = [s for other in sets if other != name for s in sentences[other]]
        trained = model()
        trained.fit([text for text, _ in training], [label for _, label in training])
        if not sentences[name]:
            continue
        scores = trained.predict_proba([text for text, _ in sentences[name]])[:, 1]
        positives += sum(label for _, label in sentences[name])
        for threshold in RECALL_THRESHOLDS:
            for (_, label), score in zip(sentences[name], scores):
                if score >= threshold:
                    found[threshold][0 if label else 1] += 1
    total = sum(len(s) for s in sentences.values())
    print(
        f"recall: {total} sentences with an event word and no prediction; {positives} left-out ones hold gold"
    )
    for threshold, (true, false) in found.items():
        print(f"  scored {threshold} or more: {true} hold gold, {false} do not")


def main() -> int:
    scorer = load_scorer(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
    sets = read_sets()
    left_out = [name for name in sets if int(name.removeprefix("blind") or 1) >= FIRST_LEFT_OUT]
    ask_the_filter(scorer, sets, left_out)
    ask_for_recall(scorer, sets, left_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
