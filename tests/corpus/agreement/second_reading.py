"""A stand-in extractor for score.py: prints a second annotator's reading of a held-out text.

    python ../shared/extraction/score.py --corpus tests/corpus/blind8 \
        --cmd "python tests/corpus/agreement/second_reading.py"

scores the second reading (tests/corpus/agreement/blind8/NAME.ann.json) against the first (the gold).
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _city(value):
    return value[0] if isinstance(value, list) else value


def main() -> None:
    text = Path(sys.argv[1])
    reading = json.loads((HERE / text.parent.name / text.with_suffix(".ann.json").name).read_text("utf-8"))
    print(
        json.dumps(
            {
                "schema": "tracker.extract/1",
                "meetings": [dict(m, city=_city(m.get("city"))) for m in reading.get("meetings", [])],
                "commitments": [
                    dict(c, city=_city(c.get("city")), evidence={"text": c["evidence"]})
                    for c in reading.get("commitments", [])
                ],
            }
        )
    )


if __name__ == "__main__":
    main()
