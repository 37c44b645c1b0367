"""`marsad eval pairs`: P/R/F1 for same/different files, Pearson for graded ones, headline last."""

import argparse
import csv

import pytest

from marsad.eval.pairs import PairsFileError, binary_scores, evaluate_file, main, pearson, read_pairs
from marsad.stories.cli import add_parsers

SAME = [
    ("ارتفاع أسعار النفط في الأسواق العالمية", "أسعار النفط ترتفع في الأسواق العالمية"),
    ("وزير الخارجية يزور القاهرة لبحث العلاقات", "وزير الخارجية يصل القاهرة في زيارة لبحث العلاقات"),
]
DIFFERENT = [
    ("ارتفاع أسعار النفط في الأسواق العالمية", "انخفاض أسعار النفط في الأسواق العالمية"),
    ("الهلال يفوز على النصر في الدوري", "افتتاح معرض الكتاب في الرياض بمشاركة واسعة"),
]


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_binary_file_prints_precision_recall_and_f1_last(tmp_path):
    rows = [(a, b, "same") for a, b in SAME] + [(a, b, "different") for a, b in DIFFERENT]
    path = write(tmp_path / "pairs.csv", ("s1", "s2", "label"), rows)
    lines = []
    result = evaluate_file(path, out=lines.append)
    assert not result.graded and result.pairs == 4
    assert lines[-1].startswith("F1 of same ")
    assert float(lines[-1].split()[-1]) == pytest.approx(result.f1, abs=1e-3)
    assert result.headline == result.f1 and result.f1 > 0


def test_stance_labels_are_accepted(tmp_path):
    path = write(
        tmp_path / "ans.csv",
        ("s1", "s2", "stance"),
        [(*SAME[0], "agree"), (*DIFFERENT[0], "disagree"), (*DIFFERENT[1], "other")],
    )
    rows, graded = read_pairs(path)
    assert not graded and [g for _, _, g in rows] == ["agree", "disagree", "other"]


def test_graded_file_prints_pearson_last(tmp_path):
    rows = [(*SAME[1], "1.0"), (*DIFFERENT[0], "2.5"), (*DIFFERENT[1], "4.0")]
    path = write(tmp_path / "graded.csv", ("s1", "s2", "score"), rows)
    lines = []
    result = evaluate_file(path, lower_is_similar=True, out=lines.append)
    assert result.graded and lines[-1].startswith("Pearson r")
    assert result.pearson > 0  # the most similar pair (gold 1.0) gets the highest similarity


def test_bad_files_are_refused(tmp_path):
    with pytest.raises(PairsFileError):
        read_pairs(write(tmp_path / "a.csv", ("left", "right", "label"), [("a", "b", "same")]))
    with pytest.raises(PairsFileError):
        read_pairs(write(tmp_path / "b.csv", ("s1", "s2", "label"), [("a", "b", "maybe")]))
    assert main([str(tmp_path / "missing.csv")]) == 2


def test_metrics():
    assert binary_scores([True, True, False, False], [True, False, True, False]) == (0.5, 0.5, 0.5)
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0


def test_cli_registration(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="marsad")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    path = write(
        tmp_path / "pairs.csv", ("s1", "s2", "label"), [(*SAME[0], "same"), (*DIFFERENT[1], "different")]
    )
    args = parser.parse_args(["eval", "pairs", str(path)])
    assert args.func(args) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("F1 of same")
    for argv in (["stories"], ["story", "s1"], ["similar", "a1", "--why", "a2"]):
        assert callable(parser.parse_args(argv).func)
