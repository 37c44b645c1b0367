from marsad.train.ner_silver import agreed_sentences


class FirstWordIsAPerson:
    """A stand-in tagger: the first word of every sentence is a person, unless told to miss
    sentences holding `misses`."""

    def __init__(self, misses: str = ""):
        self.misses = misses

    def __call__(self, tokens):
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences):
        return [["O"] * len(s) if self.misses and self.misses in s else ["B-PER"] + ["O"] * (len(s) - 1)
                for s in sentences]  # fmt: skip


def test_silver_keeps_only_sentences_both_given_taggers_tag_alike_and_drops_missed_surnames():
    texts = iter([
        "محمد زار المدينة أمس مع وفد كبير. سعيد قابل الوزير في مكتبه اليوم صباحا.",
        "خالد التقى ترامب في البيت الأبيض أمس مساء.",
    ])  # fmt: skip
    taggers = (FirstWordIsAPerson(), FirstWordIsAPerson(misses="سعيد"))
    kept = agreed_sentences(texts, wanted=10, surnames=frozenset({"ترامب"}), taggers=taggers)
    # the second sentence: the taggers disagree; the third leaves the surname "ترامب" untagged
    assert [s.tokens[0] for s in kept] == ["محمد"]
    assert kept[0].tags[:2] == ["B-PER", "O"]
