"""Score Marsad's quotes and events on the hand-annotated dev set and the sample page.

    python bench/eval_events.py                      # every part + the sample page
    python bench/eval_events.py --half tune --show    # one part, every miss and false alarm
    python bench/eval_events.py --entities ner        # entities from the NER model instead

The dev set is tests/fixtures/events/ (61 ANT v2.1 articles, gold per GUIDELINES.md): a
`tune` half (rules were adjusted while looking at it), a `heldout` half (scored blind once,
then its errors were studied and rules improved: no longer blind), and `blind` (10 articles
annotated after that, scored once with the final rules). Each page goes through
extraction, entities, quotes and events, is
written as page-output JSONL, and is scored with the shared scorer
(../shared/tools/score_pages.py): quote and event precision/recall/F1 pooled over articles,
plus how often matched events carry the annotated date, duration, occasion, status and CAMEO.

Entities come from the gold annotation by default (`--entities gold`): every gold name or
alias found in the text becomes a mention, title phrases excepted (NER does not tag
"الرئيس الأميركي"; resolution adds it), and `resolve()` merges them. That measures quotes
and events on their own; `--entities ner` measures the whole chain.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "events"
DEFAULT_SCORER = REPO.parent / "shared" / "tools" / "score_pages.py"
DEFAULT_SAMPLE = REPO.parent / "shared" / "samples"
# Alias first words that make a title phrase, which NER does not tag as a name.
TITLE_FIRST_WORDS = set(
    "الرئيس رئيس رئيسة الرئيسين وزير وزيرة الوزير المتحدث المتحدثة متحدث الناطق الناطقة نائب مستشار المستشار "
    "مستشاره ولي العاهل الملك الزعيم زعيم نظيره نظيرته نظيريه السفير سفير المبعوث مبعوث المسؤول الأمين "
    "أمير الأمير قائد رئيسة سمو المدير مدير الدكتور".split()
)
ATTRIBUTES = ("date", "duration_minutes", "occasion", "status", "cameo")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_mentions(text: str, gold_entities: list[dict]):
    """Mentions at every occurrence of a gold name/alias (proclitics allowed), longest first."""
    from marsad.enrich.resolve import Mention

    surfaces = {}
    for entity in gold_entities:
        for name in [entity["name"], *entity.get("aliases", [])]:
            if name.split()[0] not in TITLE_FIRST_WORDS and len(name) > 1:
                surfaces.setdefault(name.replace("#", ""), entity["type"])
    found, taken = [], [False] * len(text)
    matching = text.replace("_", " ").replace("#", " ")
    for surface in sorted(surfaces, key=len, reverse=True):
        pattern = rf"(?<![\w])(?:[وف]?(?:لـ|[بلك])?|[وف]?لل)?{re.escape(surface.replace('_', ' '))}(?![\w])"
        for match in re.finditer(pattern, matching):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            found.append(
                Mention(text[match.start() : match.end()], surfaces[surface], match.start(), match.end())
            )
    return sorted(found, key=lambda m: m.start)


def enrich(article, gold_article: dict | None, entities_mode: str):
    from marsad.enrich.events import add_events
    from marsad.enrich.language import assign_language
    from marsad.enrich.quotes import add_quotes
    from marsad.enrich.resolve import resolve
    from marsad.enrich.sections import assign_section

    assign_section(assign_language(article))  # as the pipeline does: events read the section
    if entities_mode == "ner":
        from marsad.enrich.entities import add_entities

        add_entities(article)
    else:
        text = f"{article.title}\n{article.text}" if article.title else article.text
        article.entities = resolve(
            text, gold_mentions(text, (gold_article or {}).get("entities", [])), article.dateline
        )
    add_quotes(article)
    add_events(article)
    return article


def run_pages(golds: list[dict], pages_dir: Path, scorer, entities_mode: str) -> list[dict]:
    from marsad.extract import extract_page
    from marsad.model import Page

    outputs = []
    for gold in golds:
        content = (pages_dir / gold["page"]).read_text(encoding="utf-8")
        extracted = extract_page(Page(gold["page"], kind="text", content=content))
        for article in extracted.articles:
            best = max(
                gold["articles"], key=lambda g: scorer.token_f1(g.get("text"), article.text), default=None
            )
            enrich(article, best, entities_mode)
        outputs.append(extracted.to_dict())
    return outputs


def pooled(golds: list[dict], outputs: list[dict], scorer) -> dict:
    """Quote and event counts pooled over all paired articles, and attribute agreement."""
    totals = {"quotes": [0, 0, 0], "events": [0, 0, 0]}
    agree = {name: [0, 0] for name in ATTRIBUTES}
    by_page = {o["page"]: o for o in outputs}
    for gold in golds:
        system = by_page.get(gold["page"], {"articles": []})
        for g_article in gold["articles"]:
            s_article = max(
                system["articles"], key=lambda s: scorer.token_f1(g_article["text"], s["text"]), default={}
            )
            entities = g_article.get("entities", [])
            q = scorer.score_quotes(g_article.get("quotes", []), s_article.get("quotes", []), entities)
            e = scorer.score_events(g_article.get("events", []), s_article.get("events", []), entities)
            for name, counts in (("quotes", q), ("events", e)):
                for i, part in enumerate(("tp", "fp", "fn")):
                    totals[name][i] += counts[part]
            attribute_agreement(g_article, s_article, scorer, agree)
    report = {}
    for name, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        report[name] = {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": p,
            "recall": r,
            "f1": scorer.f1(tp, fp, fn),
        }
    report["attributes"] = {k: f"{a}/{n}" for k, (a, n) in agree.items()}
    return report


def attribute_agreement(g_article: dict, s_article: dict, scorer, agree: dict) -> None:
    """For each required gold event matched by the scorer's rule, compare the other fields."""
    entities = g_article.get("entities", [])
    for g_event in g_article.get("events", []):
        if not g_event.get("required", True):
            continue
        matches = [
            s
            for s in s_article.get("events", []) or []
            if scorer.score_events([g_event], [s], entities)["tp"]
        ]
        if not matches:
            continue
        fields = [name for name in ATTRIBUTES if g_event.get(name) is not None]
        best = max(matches, key=lambda s: sum(_same(n, g_event[n], s.get(n), scorer) for n in fields))
        for name in fields:
            agree[name][1] += 1
            agree[name][0] += _same(name, g_event[name], best.get(name), scorer)


def _same(name: str, gold, system, scorer) -> bool:
    if name == "occasion":
        return scorer.token_f1(gold, system) >= 0.5
    if name == "duration_minutes":
        return system is not None and float(gold) == float(system)
    return gold == system


def show_errors(golds: list[dict], outputs: list[dict], scorer) -> None:
    by_page = {o["page"]: o for o in outputs}
    for gold in golds:
        system = by_page.get(gold["page"], {"articles": []})
        for g_article in gold["articles"]:
            s_article = max(
                system["articles"], key=lambda s: scorer.token_f1(g_article["text"], s["text"]), default={}
            )
            ents = g_article.get("entities", [])
            print(f"=== {gold['page']}")
            for kind, matcher in (("quotes", _quote_hit), ("events", _event_hit)):
                for g in g_article.get(kind, []):
                    if g.get("required", True) and not any(
                        matcher(g, s, scorer, ents) for s in s_article.get(kind, [])
                    ):
                        print(f"  MISS {kind}: {json.dumps(_brief(g), ensure_ascii=False)}")
                for s in s_article.get(kind, []):
                    if not any(matcher(g, s, scorer, ents) for g in g_article.get(kind, [])):
                        print(f"  FALSE {kind}: {json.dumps(_brief(s), ensure_ascii=False)}")


def _quote_hit(g, s, scorer, ents) -> bool:
    if scorer.containment(g["text"], s.get("text", "")) < 0.6:
        return False
    return not g.get("required", True) or scorer.names_match(g["speaker"], s.get("speaker"), ents)


def _event_hit(g, s, scorer, ents) -> bool:
    return scorer.score_events([g], [s], ents)["tp"] > 0 or (
        not g.get("required", True) and scorer.score_events([{**g, "required": True}], [s], ents)["tp"] > 0
    )


def _brief(item: dict) -> dict:
    keep = (
        "speaker",
        "text",
        "direct",
        "type",
        "participants",
        "location",
        "occasion",
        "date",
        "duration_minutes",
        "status",
        "cameo",
    )
    return {k: item[k] for k in keep if k in item and item[k] not in (None, [])}


def evaluate(name: str, gold_dir: Path, pages_dir: Path, scorer, args) -> dict:
    golds = scorer.load_gold([str(gold_dir)])
    outputs = run_pages(golds, pages_dir, scorer, args.entities)
    report = pooled(golds, outputs, scorer)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for page in outputs:
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")
    report["scorer_page_mean"] = {
        k: round(
            sum(scorer.score_page(g, next(o for o in outputs if o["page"] == g["page"]))[k] for g in golds)
            / len(golds),
            3,
        )
        for k in ("quote_f1", "event_f1", "entity_recall")
    }
    report["system_output"] = fh.name
    if args.show:
        show_errors(golds, outputs, scorer)
    return report


def print_report(name: str, report: dict) -> None:
    print(f"\n{name}")
    for kind in ("quotes", "events"):
        r = report[kind]
        print(
            f"  {kind:7s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}   "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
    print(f"  scorer (mean over pages): {report['scorer_page_mean']}")
    print(f"  matched required events with the annotated field right: {report['attributes']}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", choices=["tune", "heldout", "blind", "sample", "all"], default="all")
    parser.add_argument("--entities", choices=["gold", "ner"], default="gold")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument(
        "--sample", type=Path, default=DEFAULT_SAMPLE, help="folder with seed-page.txt and its gold"
    )
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    scorer = load_scorer(args.scorer)
    results = {}
    halves = {"all": ["tune", "heldout", "blind"], "sample": []}.get(args.half, [args.half])
    for half in halves:
        results[half] = evaluate(half, FIXTURES / "gold" / half, FIXTURES / "pages", scorer, args)
    if args.sample.exists() and args.half in ("all", "sample"):
        results["sample page"] = evaluate(
            "sample", args.sample / "seed-page.gold.json", args.sample, scorer, args
        )
    for name, report in results.items():
        print_report(name, report)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
