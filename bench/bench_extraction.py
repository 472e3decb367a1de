"""Extraction throughput on one core, scores per slice of the dev set, and underthesea's NER as a baseline.

    python -m bench.bench_extraction [--runs 5] [--gold DIR]

Scores: macro-F1 and each field's F1 over the whole gold folder and, for the dev
set, over dev-001…030 (the articles the rules were first written on) and
dev-031…062 (added later, to measure how the rules generalise), reported apart.

Throughput: ``parse_article`` + ``extract`` over the articles held in memory,
repeated to at least 600 articles per run, on one CPU (affinity pinned), timed
in this process's CPU time (other loads on a shared machine do not count); the
median of the runs is reported. Baseline: underthesea's ``ner`` sentence by
sentence over the same articles, its speed and its person / organization F1
against the gold, beside ours (``pip install underthesea``; skipped if absent).
The gold folder defaults to ``../shared/corpus/dev``; without it, a synthetic
corpus is used.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stores import synthetic_corpus
from loaders.article import Article
from loaders.evaluation import FieldScore, load_gold, score
from loaders.pipeline import extract
from loaders.reading import parse_article

log = logging.getLogger(__name__)

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
NER_FIELDS = ("persons", "organizations")
#: The dev set's slices, by the number in the file name ("dev-031.txt").
SLICES = {"dev-001…030": range(1, 31), "dev-031…062": range(31, 63)}


def _articles(gold_folder: Path) -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    gold = load_gold(gold_folder)
    texts = {name: (gold_folder / name).read_bytes() for name in gold if (gold_folder / name).exists()}
    return texts, {name: gold[name] for name in texts}


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def extraction_rate(texts: dict[str, bytes], runs: int) -> float:
    """Median articles per second of parse + extract, over ``runs`` runs of at least 600 articles."""
    items = list(texts.items())
    repeat = max(1, -(-600 // len(items)))
    rates = []
    for _ in range(runs):
        start = time.process_time()  # this process's CPU time: other loads on the shared machine do not count
        for _ in range(repeat):
            for name, data in items:
                extract(parse_article(data, name, name))
        rates.append(repeat * len(items) / (time.process_time() - start))
    return statistics.median(rates)


def _ner_record(article: Article, ner: Callable[[str], list[tuple[str, ...]]]) -> dict[str, Any]:
    entities: dict[str, list[str]] = {"PER": [], "ORG": []}
    for sentence in article.sentences:
        current: list[str] = []
        kind = ""
        for token, *_, tag in [*ner(article.sentence_text(sentence)), ("", "O")]:
            if tag.startswith("I-") and current and tag[2:] == kind:
                current.append(token)
                continue
            if current and kind in entities:
                entities[kind].append(" ".join(current))
            current, kind = ([token], tag[2:]) if tag.startswith("B-") else ([], "")
    return {
        "persons": [{"name": n, "posts": []} for n in dict.fromkeys(entities["PER"])],
        "organizations": list(dict.fromkeys(entities["ORG"])),
    }


def underthesea_baseline(texts: dict[str, bytes]) -> tuple[float, dict[str, dict[str, Any]]] | None:
    """underthesea's NER: articles per second and its records (persons, organizations), or None if absent."""
    try:
        from underthesea import ner
    except ImportError:
        log.warning("underthesea is not installed (pip install underthesea): no baseline")
        return None
    articles = {name: parse_article(data, name, name) for name, data in texts.items()}
    ner(articles[next(iter(articles))].sentence_text(articles[next(iter(articles))].sentences[0]))  # load the model
    start = time.perf_counter()
    records = {name: _ner_record(article, ner) for name, article in articles.items()}
    return len(articles) / (time.perf_counter() - start), records


def _f1(fields: dict[str, FieldScore]) -> str:
    return "  ".join(f"{name} {fields[name].f1:.3f}" for name in NER_FIELDS)


def slice_scores(
    gold: dict[str, dict[str, Any]], records: dict[str, dict[str, Any]]
) -> list[tuple[str, str, float, int]]:
    """Per slice of the dev set (see ``SLICES``): its label, each field's F1, macro-F1 and article count."""
    found = []
    for label, numbers in SLICES.items():
        names = [name for name in gold if _number(name) in numbers]
        if not names:
            continue
        result = score({n: gold[n] for n in names}, {n: records[n] for n in names if n in records})
        fields = "  ".join(f"{field} {figures.f1:.3f}" for field, figures in result.fields.items())
        found.append((label, fields, result.macro_f1, len(names)))
    return found


def _number(name: str) -> int | None:
    digits = "".join(ch for ch in name.split(".")[0] if ch.isdigit())
    return int(digits) if name.startswith("dev-") and digits else None


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gold", type=Path, default=DEV if DEV.exists() else None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gold_folder = args.gold or synthetic_corpus(300)
    texts, gold = _articles(gold_folder)
    _pin_one_core()
    ours_rate = extraction_rate(texts, args.runs)
    records = {name: extract(parse_article(data, name, name)).to_record() for name, data in texts.items()}
    ours = score(gold, records)
    print(f"corpus: {gold_folder} ({len(texts)} articles)")
    print(
        f"govkg        {ours_rate:8.1f} articles/s (one core, median of {args.runs})   {_f1(ours.fields)}   "
        f"macro-F1 {ours.macro_f1:.3f}"
    )
    for label, fields, macro, count in slice_scores(gold, records):
        print(f"  {label:12} {count:3d} articles   macro-F1 {macro:.3f}   {fields}")
    baseline = underthesea_baseline(texts)
    if baseline is not None:
        rate, records = baseline
        theirs = score(gold, records)
        print(
            f"underthesea  {rate:8.1f} articles/s (one core, sentence by sentence)   {_f1(theirs.fields)}   "
            f"macro-F1 {theirs.macro_f1:.3f}"
        )
        print(f"speed ratio govkg / underthesea: {ours_rate / rate:.0f}x")


if __name__ == "__main__":
    main()
