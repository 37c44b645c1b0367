import re
from datetime import date

from marsad.enrich.durations import find_duration, find_durations
from marsad.enrich.events import add_events, find_events
from marsad.enrich.resolve import Mention, resolve
from marsad.extract.relative_dates import find_dates, weekday_date
from marsad.model import Article, ExtractedPage, Page
from marsad.store.db import open_engine
from marsad.store.events import create_event_tables, iter_stored_events, merge_reason, store_events
from marsad.store.repo import save_page


def mentions_in(text, names):
    found = []
    for surface, entity_type in names:
        for match in re.finditer(rf"(?<![\w])(?:[وفبل]|لـ)?{re.escape(surface)}(?![\w])", text):
            found.append(Mention(match.group(), entity_type, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def events_of(text, names, published=None):
    return find_events(text, resolve(text, mentions_in(text, names)), published)


SUMMIT = (
    "التقى الرئيس الفرنسي، إيمانويل ماكرون، مساء يوم الثلاثاء بنظيره البرازيلي، لولا دا سيلفا "
    "على هامش قمة مجموعة العشرين.\n"
    "وعُقد اللقاء في قاعة المؤتمرات في مدينة أوساكا اليابانية بعد العشاء الرسمي.\n"
    "واستمر اللقاء لنحو 40 دقيقة وهو اللقاء الأول الذي يجمع ماكرون ولولا منذ عامين.\n"
    "وأوضح ماكرون خلال اللقاء أن البلدين يعملان على اتفاق تجاري جديد."
)
SUMMIT_NAMES = [
    ("إيمانويل ماكرون", "PER"),
    ("ماكرون", "PER"),
    ("لولا دا سيلفا", "PER"),
    ("لولا", "PER"),
    ("أوساكا", "LOC"),
]


def test_meeting_at_a_third_place_with_occasion_duration_and_date():
    [event] = events_of(SUMMIT, SUMMIT_NAMES, published="2019-06-27")
    assert event.type == "meeting"
    assert set(event.participants) == {"إيمانويل ماكرون", "لولا دا سيلفا"}
    assert event.location == "أوساكا"  # from the later sentence that refers back to the meeting
    assert event.occasion == "قمة مجموعة العشرين"
    assert event.duration_minutes == 40
    assert (event.date_text, event.date) == ("مساء يوم الثلاثاء", "2019-06-25")
    assert event.cameo == "044" and event.status == "happened"


def test_each_of_two_leaders_gets_the_nationality_written_before_them():
    text = "جمع لقاء في أنقرة الرئيسين الفرنسي إيمانويل ماكرون والبرازيلي لولا دا سيلفا لمدة ساعة."
    names = [("إيمانويل ماكرون", "PER"), ("لولا دا سيلفا", "PER"), ("أنقرة", "LOC")]
    [event] = events_of(text, names)
    # "والبرازيلي" right after Macron belongs to Lula, not to him
    assert event.countries == {"إيمانويل ماكرون": "FR", "لولا دا سيلفا": "BR"}


def test_noun_trigger_with_forum_and_capital_in_apposition():
    text = (
        'وجاء لقاء أردوغان والرئيس علييف خلال مشاركتهما في منتدى "الطاقة في بحر قزوين"، '
        "المنعقد في عاصمة أوزبكستان طشقند، "
        "واستمرت محادثاتهما لمدة ساعة تقريبا."
    )
    names = [("أردوغان", "PER"), ("علييف", "PER"), ("أوزبكستان", "LOC"), ("طشقند", "LOC")]
    [event] = events_of(text, names)
    assert set(event.participants) == {"أردوغان", "علييف"}
    assert event.location == "طشقند"
    assert event.occasion == "منتدى الطاقة في بحر قزوين"
    assert event.duration_minutes == 60


def test_hoped_for_and_cancelled_events_are_not_events():
    text = (
        "وأعرب الرئيس الروسي عن أمله في أن تسفر القمة عن التوقيع على اتفاق شامل مع الصين.\n"
        "ألغى وزير المالية الألماني لقاء كان مقررا مع نظيره الفرنسي في باريس.\n"
        "ورحب الوزير بوقف إطلاق النار بين الجانبين."
    )
    assert events_of(text, [("الصين", "LOC"), ("باريس", "LOC")]) == []


def test_call_host_and_planned_visit():
    text = (
        "أجرى العاهل الأردني الملك عبدالله الثاني اتصالا هاتفيا بالرئيس المصري عبد الفتاح السيسي.\n"
        "واستقبل الرئيس التونسي قيس سعيد رئيس الوزراء الإيطالي جورجيا ميلوني في قصر قرطاج.\n"
        "وسيزور وزير الخارجية الصيني وانغ يي القاهرة الأسبوع المقبل."
    )
    names = [
        ("عبدالله الثاني", "PER"),
        ("عبد الفتاح السيسي", "PER"),
        ("قيس سعيد", "PER"),
        ("جورجيا ميلوني", "PER"),
        ("وانغ يي", "PER"),
        ("القاهرة", "LOC"),
    ]
    found = {e.type: e for e in events_of(text, names)}
    assert found["call"].cameo == "041" and set(found["call"].participants) == {
        "عبدالله الثاني",
        "عبد الفتاح السيسي",
    }
    assert found["meeting"].cameo == "043"
    visit = found["visit"]
    assert visit.participants == ["وانغ يي", "مصر"] and visit.location == "القاهرة"
    assert (visit.status, visit.cameo) == ("planned", "036")


def test_statement_attack_and_sanction():
    text = (
        "أعلنت وزارة الخارجية القطرية في بيان أن الدوحة ستستضيف جولة جديدة من المفاوضات.\n"
        "وشنت طائرات حربية غارات جوية على مواقع في مدينة إدلب صباح الأحد.\n"
        "وفرضت الولايات المتحدة عقوبات جديدة على إيران بسبب برنامجها الصاروخي."
    )
    names = [
        ("وزارة الخارجية القطرية", "ORG"),
        ("الدوحة", "LOC"),
        ("إدلب", "LOC"),
        ("الولايات المتحدة", "LOC"),
        ("إيران", "LOC"),
    ]
    found = {e.type: e for e in events_of(text, names, published="2018-09-04")}
    assert found["statement"].participants == ["وزارة الخارجية القطرية"] and found["statement"].cameo == "010"
    assert (found["attack"].location, found["attack"].cameo, found["attack"].date) == (
        "إدلب",
        "195",
        "2018-09-02",
    )
    assert (
        set(found["sanction"].participants) == {"الولايات المتحدة", "إيران"}
        and found["sanction"].cameo == "163"
    )


def test_events_stage_fills_status_and_keeps_contract_fields():
    article = Article(text=SUMMIT, published="2019-06-27")
    article.entities = resolve(SUMMIT, mentions_in(SUMMIT, SUMMIT_NAMES))
    data = add_events(article).to_dict()["events"][0]
    assert {
        "type",
        "participants",
        "location",
        "occasion",
        "date",
        "date_text",
        "duration_minutes",
        "cameo",
    } <= set(data)
    assert data["status"] == "happened" and data["evidence"]


def test_relative_dates():
    thursday = date(2025, 6, 26)
    assert weekday_date(2, thursday, "past") == date(2025, 6, 25)
    assert weekday_date(3, thursday, "past!") == date(2025, 6, 19)
    assert weekday_date(0, thursday, "future") == date(2025, 6, 30)
    [m] = find_dates("التقى الرئيسان مساء يوم الأربعاء في أنقرة", thursday)
    assert (m.text, m.date) == ("مساء يوم الأربعاء", "2025-06-25")
    assert find_dates("يوم غد الجمعة", thursday)[0].date == "2025-06-27"
    assert find_dates("الخميس المقبل", thursday, planned=True)[0].date == "2025-07-03"
    assert find_dates("أمس", thursday)[0].date == "2025-06-25"
    assert find_dates("في 22 مايو", thursday)[0].date == "2025-05-22"
    assert find_dates("في الثاني عشر من حزيران/يونيو", thursday)[0].date == "2025-06-12"
    assert find_dates("مساء الأربعاء", None)[0].date is None  # no article date: words only


def test_durations():
    assert find_duration("واستمرت محادثاتهما لمدة ساعة تقريبا").minutes == 60
    assert find_duration("واستمر اللقاء لنحو 45 دقيقة").minutes == 45
    assert find_duration("في زيارة تستمر ثلاثة أيام").minutes == 3 * 1440
    assert find_duration("اجتماع دام ساعتين").minutes == 120
    assert find_duration("ساعة ونصف").minutes == 90
    assert find_durations("بعد ساعات من اللقاء") == []
    assert find_durations("بعد أقل من 24 ساعة") == []


def _store_article(conn, name, text, published, source, events):
    article = Article(title=name, text=text, published=published, source=source, events=events)
    save_page(conn, ExtractedPage(page=Page(name=name, kind="text", content=text), articles=[article]))
    return store_events(conn, article.id, events)


def test_two_outlets_reporting_one_meeting_give_one_event(db_url):
    engine = open_engine(db_url)
    names = SUMMIT_NAMES
    first = events_of(SUMMIT, names, published="2019-06-27")
    other_text = (
        "التقى الرئيس الفرنسي ماكرون بالرئيس البرازيلي لولا دا سيلفا في أوساكا "
        "على هامش قمة مجموعة العشرين أمس الأربعاء."
    )
    second = events_of(other_text, names, published="2019-06-27")
    unrelated = events_of(
        "التقى ماكرون برئيس الوزراء الهندي ناريندرا مودي في باريس.",
        [("ماكرون", "PER"), ("ناريندرا مودي", "PER"), ("باريس", "LOC")],
    )
    with engine.begin() as conn:
        create_event_tables(conn)
        ids_a = _store_article(conn, "a", SUMMIT, "2019-06-27", "outlet A", first)
        ids_b = _store_article(conn, "b", other_text, "2019-06-27", "outlet B", second)
        ids_c = _store_article(conn, "c", "نص ثالث عن لقاء آخر", "2019-06-28", "outlet C", unrelated)
        ids_b_again = store_events(conn, second and _article_id(other_text, "b"), second)
        stored = list(iter_stored_events(conn))
    assert ids_a == ids_b == ids_b_again and ids_c != ids_a
    meeting = next(e for e in stored if e["id"] == ids_a[0])
    assert meeting["articles"] == 2 and len(meeting["evidence"]) == 2
    assert {e["source"] for e in meeting["evidence"]} == {"outlet A", "outlet B"}
    assert meeting["location"] == "أوساكا" and meeting["duration_minutes"] == 40
    assert any("same meeting" in e["reason"] for e in meeting["evidence"])


def _article_id(text, name):
    return Article(title=name, text=text).id


def test_merge_rule_keeps_different_parties_and_far_days_apart():
    base = {
        "type": "meeting",
        "participants": ["دونالد ترامب", "كيم جونغ أون"],
        "day": "2018-06-12",
        "date": "2018-06-12",
    }
    assert merge_reason({**base, "participants": ["ترامب", "كيم جونغ أون"]}, base)
    assert merge_reason({**base, "participants": ["دونالد ترمب", "كيم جونغ أون"]}, base)  # spelt two ways
    assert merge_reason({**base, "participants": ["ترمب", "كيم جونغ أون"]}, base)  # surname spelt another way
    assert merge_reason({**base, "participants": ["دونالد ترامب", "مون جيه إن"]}, base) is None
    assert merge_reason({**base, "date": "2018-06-20", "day": "2018-06-20"}, base) is None
    assert merge_reason({**base, "location": "سنغافورة"}, {**base, "location": "هلسنكي"}) is None
    assert merge_reason({**base, "type": "call"}, base) is None


def test_one_article_with_two_attacks_on_one_day_stores_both_and_again_nothing(db_url):
    """Same type, same day, no named parties, two places: two events, and a re-run adds none."""
    from marsad.enrich.events import ExtractedEvent

    found = [
        ExtractedEvent(type="attack", participants=[], location="حلب", date="2015-06-01"),
        ExtractedEvent(type="attack", participants=[], location="اليمن", date="2015-06-01"),
    ]
    engine = open_engine(db_url)
    text = "قتل عشرة أشخاص في هجوم على سوق في حلب، فيما استهدف هجوم آخر موقعا في اليمن."
    with engine.begin() as conn:
        create_event_tables(conn)
        first = _store_article(conn, "attacks", text, "2015-06-01", "outlet", found)
    with engine.begin() as conn:
        again = store_events(conn, _article_id(text, "attacks"), found)
        stored = list(iter_stored_events(conn))
    assert len(set(first)) == 2 and again == first
    assert sorted(e["location"] for e in stored) == ["اليمن", "حلب"]
    assert all(e["articles"] == 1 for e in stored)


def test_a_summit_named_as_the_occasion_is_not_a_second_meeting():
    text = (
        "التقى الرئيس الفرنسي، إيمانويل ماكرون، بنظيره البرازيلي، لولا دا سيلفا على هامش قمة "
        "مجموعة العشرين في أوساكا."
    )
    names = [("إيمانويل ماكرون", "PER"), ("لولا دا سيلفا", "PER"), ("مجموعة العشرين", "ORG"), ("أوساكا", "LOC")]
    (meeting,) = [e for e in events_of(text, names) if e.type == "meeting"]
    assert set(meeting.participants) == {"إيمانويل ماكرون", "لولا دا سيلفا"}
    assert meeting.occasion and meeting.occasion.startswith("قمة مجموعة العشرين")


def test_a_capital_after_its_country_adjective_is_where_the_summit_is():
    text = "ومن المقرر أن تعقد قمة ترامب وبوتن، في 16 يوليو، في إحدى ضواحي العاصمة الفنلندية هلسنكي."
    names = [("ترامب", "PER"), ("بوتن", "PER"), ("هلسنكي", "LOC")]
    (meeting,) = events_of(text, names, published="2018-07-10")
    assert set(meeting.participants) == {"ترامب", "بوتن"}
    assert meeting.location == "هلسنكي" and meeting.status == "planned"


def test_a_city_right_after_a_meeting_noun_is_its_place_not_a_party():
    text = "وقال إن الزيارات المكوكية للوزير عادل الجبير بعد لقاء الدوحة مع جون كيري أثمرت."
    names = [("عادل الجبير", "PER"), ("الدوحة", "LOC"), ("جون كيري", "PER")]
    for event in events_of(text, names):
        assert "الدوحة" not in event.participants


def test_a_visit_named_as_the_subject_of_talks_and_an_invitation_to_visit_are_no_new_events():
    text = 'وقال المتحدث إن "الزيارة ستبحث التنسيق الأمني بين بغداد وطهران".'
    assert events_of(text, [("بغداد", "LOC"), ("طهران", "LOC")]) == []
    text = (
        "ودعا الوزير خالد الأحمد خلال حديثه اليوم المبعوث الأممي مارتن غريفيث، في الرياض "
        "الى زيارة مدينة عدن."
    )
    names = [("خالد الأحمد", "PER"), ("مارتن غريفيث", "PER"), ("الرياض", "LOC"), ("عدن", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "visit"] == []


def test_a_meeting_noun_in_a_sports_report_is_a_match():
    text = "ووضع المدرب محمد العبدلي اللمسات الأخيرة قبل لقاء العراق والإمارات اليوم."
    names = [("محمد العبدلي", "PER"), ("العراق", "LOC"), ("الإمارات", "LOC")]
    assert [e.type for e in events_of(text, names)] == ["meeting"]
    entities = resolve(text, mentions_in(text, names))
    assert find_events(text, entities, sports=True) == []


def test_a_meeting_during_a_visit_is_where_the_visit_goes():
    text = (
        "غادر الأمير محمد بن سلمان مدينة خميس مشيط، متجهاً إلى الكويت، لإجراء زيارة يلتقي خلالها "
        "بأمير الكويت، الشيخ صباح الأحمد الصباح."
    )
    names = [("محمد بن سلمان", "PER"), ("خميس مشيط", "LOC"), ("الكويت", "LOC"), ("صباح الأحمد الصباح", "PER")]
    meetings = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meetings and all(e.location == "الكويت" for e in meetings)
    assert "صباح الأحمد الصباح" in meetings[0].participants


def test_a_place_described_by_its_kind_takes_the_name_after_it():
    text = 'وتعقد القمة المرتقبة، الجمعة، بين كيم جونغ أون ومون جيه إن، في قرية الهدنة الحدودية "بانمونجوم".'
    names = [("كيم جونغ أون", "PER"), ("مون جيه إن", "PER"), ("قرية الهدنة", "LOC"), ("بانمونجوم", "LOC")]
    (meeting,) = events_of(text, names, published="2018-04-26")
    assert meeting.location == "بانمونجوم"


def test_the_meeting_that_took_place_is_no_purpose_and_its_parties_follow_a_two_word_nationality():
    text = (
        "نشرت المتحدثة سارة ساندرز الصور الأولى للقاء \"السري\" الذي جمع الزعيم الكوري الشمالي "
        "كيم جونغ أون ووزير الخارجية الأميركي مايك بومبيو."
    )
    names = [("سارة ساندرز", "PER"), ("كيم جونغ أون", "PER"), ("مايك بومبيو", "PER")]
    (meeting,) = events_of(text, names)
    assert set(meeting.participants) == {"كيم جونغ أون", "مايك بومبيو"}
    assert meeting.status == "happened"


def test_a_spokesman_for_someone_speaks_of_her_meeting():
    text = "وقال متحدث باسم وولستروم إنها ستجتمع مع نظيرتها انج كيونج-وها في بروكسل الاثنين."
    names = [("وولستروم", "PER"), ("انج كيونج-وها", "PER"), ("بروكسل", "LOC")]
    (meeting,) = events_of(text, names, published="2018-03-18")
    assert set(meeting.participants) == {"وولستروم", "انج كيونج-وها"}
    assert meeting.status == "planned" and meeting.location == "بروكسل"


def test_discussed_with_and_long_held_talks_and_a_titled_arrival_are_events():
    text = "تناول الملك سلمان بن عبدالعزيز في قصر السلام بجدة، مساء أمس، مع سمير جعجع مستجدات الأوضاع."
    names = [("سلمان بن عبدالعزيز", "PER"), ("جدة", "LOC"), ("سمير جعجع", "PER")]
    (meeting,) = events_of(text, names)
    assert meeting.type == "meeting" and set(meeting.participants) == {"سلمان بن عبدالعزيز", "سمير جعجع"}
    text = (
        "عقد الملك سلمان بن عبدالعزيز في قصر العوجا، اليوم الخميس، جلسة مباحثات رسمية مع رئيس "
        "وزراء باكستان محمد نواز شريف."
    )
    names = [("سلمان بن عبدالعزيز", "PER"), ("قصر العوجا", "LOC"), ("باكستان", "LOC")]
    names.append(("محمد نواز شريف", "PER"))
    meetings = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meetings and {"سلمان بن عبدالعزيز", "محمد نواز شريف"} <= set(meetings[0].participants)
    text = (
        "وصل صاحب السمو الملكي الأمير الدكتور منصور بن متعب بن عبد العزيز، وزير الدولة، عضو مجلس "
        "الوزراء، مستشار خادم الحرمين الشريفين أمس إلى جمهورية المالديف."
    )
    (visit,) = events_of(text, [("منصور بن متعب بن عبد العزيز", "PER"), ("المالديف", "LOC")])
    assert visit.type == "visit" and visit.location == "المالديف"


def test_two_teams_meeting_in_a_sports_report_play_a_match():
    text = (
        "يلتقي فريق الهلال اليوم العين الإماراتي في ثالث تجاربه الودية، ويلتقي رئيس النادي سامي "
        "الجابر المدرب دونيس."
    )
    names = [("الهلال", "ORG"), ("العين", "ORG"), ("سامي الجابر", "PER"), ("دونيس", "PER")]
    entities = resolve(text, mentions_in(text, names))
    assert len(find_events(text, entities)) == 2
    (meeting,) = find_events(text, entities, sports=True)
    assert set(meeting.participants) == {"سامي الجابر", "دونيس"}


def test_a_call_made_with_ittasala():
    text = "اتصل الرئيس الأمريكي جو بايدن بالرئيس الروسي فلاديمير بوتين مساء أمس."
    names = [("جو بايدن", "PER"), ("فلاديمير بوتين", "PER")]
    (call,) = events_of(text, names)
    assert call.type == "call" and set(call.participants) == {"جو بايدن", "فلاديمير بوتين"}


def test_bombings_armed_attacks_sessions_and_issued_statements():
    text = "انفجرت سيارة مفخخة في حي الكرادة وسط بغداد، وهاجم مسلحون نقطة تفتيش في سيناء."
    names = [("الكرادة", "LOC"), ("بغداد", "LOC"), ("سيناء", "LOC")]
    found = [(e.type, e.location) for e in events_of(text, names)]
    assert found == [("attack", "الكرادة"), ("attack", "سيناء")]
    text = "وقع انفجار خط غاز في حي الكرادة وسط بغداد."  # an explosion without a bomb is no attack
    assert events_of(text, names) == []
    text = "عقد مجلس الأمن الدولي جلسة طارئة لبحث الأوضاع في السودان."
    (meeting,) = events_of(text, [("مجلس الأمن الدولي", "ORG"), ("السودان", "LOC")])
    assert meeting.participants == ["مجلس الأمن الدولي"] and meeting.location is None  # Sudan is the topic
    text = "أصدرت وزارة الخارجية القطرية بيانا أدانت فيه الهجوم."
    (statement,) = events_of(text, [("وزارة الخارجية القطرية", "ORG")])
    assert statement.type == "statement" and statement.participants == ["وزارة الخارجية القطرية"]


def test_an_arriving_thing_an_amount_reached_and_a_deputy_visitor():
    text = "أعلن محافظ عدن نايف البكري وصول أول سفينة مساعدات إلى مرفأ عدن."
    assert [e for e in events_of(text, [("نايف البكري", "PER"), ("عدن", "LOC")]) if e.type == "visit"] == []
    text = "وتضع الأطراف خطة الإنقاذ التي تصل إلى 86 مليار يورو في اليونان."
    assert events_of(text, [("اليونان", "LOC")]) == []
    text = "وقال المحلل إبراهيم آل مرعي: إن وصول دولة نائب الرئيس اليمني خالد بحاح إلى عدن بداية جديدة."
    names = [("إبراهيم آل مرعي", "PER"), ("خالد بحاح", "PER"), ("عدن", "LOC")]
    (visit,) = events_of(text, names)
    assert visit.participants[0] == "خالد بحاح" and visit.location == "عدن"
    text = "وأوضح عامر العسيري أنها ثاني زيارة له لمهرجان أبها في مدينة أبها."
    (visit,) = events_of(text, [("عامر العسيري", "PER"), ("أبها", "LOC")])
    assert visit.participants[0] == "عامر العسيري"


def test_talks_held_by_phone_are_one_call_and_discussed_places_are_no_parties_or_venue():
    text = (
        "بحث الرئيس باراك أوباما ونظيره التركي رجب طيب أردوغان خلال اتصال هاتفي الحرب في سوريا "
        "والعراق والمعركة ضد تنظيم داعش."
    )
    names = [("باراك أوباما", "PER"), ("رجب طيب أردوغان", "PER"), ("سوريا", "LOC"), ("العراق", "LOC")]
    names.append(("داعش", "ORG"))
    (call,) = events_of(text, names)
    assert call.type == "call" and set(call.participants) == {"باراك أوباما", "رجب طيب أردوغان"}
    assert call.location is None
    text = "وقال البيان إن طائرات أمريكا نفذت 27 غارة ضد مسلحي التنظيم في سوريا والعراق أمس."
    names = [("أمريكا", "LOC"), ("سوريا", "LOC"), ("العراق", "LOC")]
    (attack,) = events_of(text, names)
    assert attack.type == "attack" and "العراق" not in attack.participants  # listed after "في سوريا"


def test_a_search_news_received_and_a_phone_interview_are_no_events_and_awaited_is_planned():
    text = "ويبحث برشلونة، الفائز بالثلاثية، عن تكرار إنجاز 2009 الذي حققه مع مدربه السابق جوسيب غوارديولا."
    assert events_of(text, [("برشلونة", "ORG"), ("جوسيب غوارديولا", "PER")]) == []
    text = "وبحث الرئيس عبد الفتاح السيسي مع الملك عبد الله الثاني تطورات القضية."
    (meeting,) = events_of(text, [("عبد الفتاح السيسي", "PER"), ("عبد الله الثاني", "PER")])
    assert meeting.type == "meeting"
    text = "واستقبل الرئيس عبد الفتاح السيسي رسالة من الملك عبد الله الثاني."
    assert events_of(text, [("عبد الفتاح السيسي", "PER"), ("عبد الله الثاني", "PER")]) == []
    text = "وقال عز الدين الأصبحي في اتصال هاتفي، إنه تلقى ترحيبا من عبد اللطيف الزياني."
    assert events_of(text, [("عز الدين الأصبحي", "PER"), ("عبد اللطيف الزياني", "PER")]) == []
    text = "وقال الرئيس فلاديمير بوتين في اتصال هاتفي مع رجب طيب أردوغان إن الوضع خطير."
    (call,) = events_of(text, [("فلاديمير بوتين", "PER"), ("رجب طيب أردوغان", "PER")])
    assert call.type == "call" and set(call.participants) == {"فلاديمير بوتين", "رجب طيب أردوغان"}
    text = "في حين ينتظر وصول الكاميروني أمينو بوبا إلى مدينة سيهات عقب إجازة العيد."
    (visit,) = events_of(text, [("أمينو بوبا", "PER"), ("سيهات", "LOC")])
    assert visit.status == "planned"


def test_an_employer_named_before_its_person_is_no_party():
    text = "والتقى وزير الخارجية جون كيري رئيس المكتب السياسي لحركة حماس خالد مشعل في الدوحة."
    names = [("جون كيري", "PER"), ("حماس", "ORG"), ("خالد مشعل", "PER"), ("الدوحة", "LOC")]
    (meeting,) = events_of(text, names)
    assert set(meeting.participants) == {"جون كيري", "خالد مشعل"}
    text = "والتقى الرئيس محمود عباس وفدا من حركة حماس في رام الله."
    (meeting,) = events_of(text, [("محمود عباس", "PER"), ("حماس", "ORG"), ("رام الله", "LOC")])
    assert set(meeting.participants) == {"محمود عباس", "حماس"}


def test_a_crowd_received_cargo_arriving_and_a_watched_truce_are_no_events():
    text = "وبلغ عدد المواقع التي استقبلت الشباب في العيد 13 موقعا، منها جامعة اليمامة وجامعة دار العلوم."
    assert events_of(text, [("جامعة اليمامة", "ORG"), ("جامعة دار العلوم", "ORG")]) == []
    text = "وصلت اليوم الطائرة الإغاثية السادسة إلى مطار عدن، يرافقها فريق من مركز الملك سلمان للإغاثة."
    assert events_of(text, [("عدن", "LOC"), ("مركز الملك سلمان للإغاثة", "ORG")]) == []
    text = "ووصل الرئيس باراك أوباما مساء أمس إلى نيروبي."
    (visit,) = events_of(text, [("باراك أوباما", "PER"), ("نيروبي", "LOC")])
    assert visit.participants[0] == "باراك أوباما"
    text = "وأعلنت قيادة الأمم المتحدة المكلفة بمراقبة وقف إطلاق النار أنها أجرت تحقيقا."
    assert [e for e in events_of(text, [("الأمم المتحدة", "ORG")]) if e.type == "ceasefire"] == []
    text = "وأعلنت الأمم المتحدة وقف إطلاق النار في اليمن."
    (truce,) = events_of(text, [("الأمم المتحدة", "ORG"), ("اليمن", "LOC")])
    assert truce.type == "ceasefire"


def test_talks_during_a_call_are_the_call_and_a_place_in_a_part_of_a_country_is_no_party():
    text = "أجرى الرئيس رجب طيب أردوغان اتصالا هاتفيا مع نظيره جو بايدن، بحثا خلاله التطورات في غزة."
    names = [("رجب طيب أردوغان", "PER"), ("جو بايدن", "PER"), ("غزة", "LOC")]
    (call,) = events_of(text, names)
    assert call.type == "call" and call.location is None
    text = "وأعلن الجيش الإسرائيلي في بيان أن طائراته قصفت أكثر من 120 هدفا في جنوب لبنان."
    events = events_of(text, [("الجيش الإسرائيلي", "ORG"), ("لبنان", "LOC")])
    (attack,) = [e for e in events if e.type == "attack"]
    assert attack.participants == ["الجيش الإسرائيلي"] and attack.location == "لبنان"


def test_relating_to_a_postponed_visit_a_house_visited_and_a_reported_attack():
    text = "قضت المحكمة بسجن أحمد نظيف في قضية تتصل بكسب غير مشروع في عهد حسني مبارك."
    assert events_of(text, [("أحمد نظيف", "PER"), ("حسني مبارك", "PER")]) == []
    text = "وقال البيان إن الملك سلمان اتصل بولي العهد الأمير محمد بن نايف."
    (call,) = events_of(text, [("سلمان", "PER"), ("محمد بن نايف", "PER")])
    assert call.type == "call"
    text = "وأفاد مصدر تركي بأنه تم تأجيل زيارة وزير الخارجية محمد جواد ظريف إلى تركيا."
    assert events_of(text, [("محمد جواد ظريف", "PER"), ("تركيا", "LOC")]) == []
    text = "بدأت الجولة بزيارة منزل شاروخان، نجم بوليوود، في الهند."
    assert events_of(text, [("شاروخان", "PER"), ("الهند", "LOC")]) == []
    text = "وأكدت المصادر أن كاسحات الألغام التي وصلت إلى عدن ساهمت في دخول المقاومة."
    assert events_of(text, [("عدن", "LOC")]) == []
    text = 'وقال عز الدين الأصبحي "الميليشيات الانقلابية شنت هجمات على مدينة عدن".'
    (attack,) = events_of(text, [("عز الدين الأصبحي", "PER"), ("عدن", "LOC")])
    assert attack.participants == []


def test_a_place_in_an_envoys_title_is_neither_party_nor_venue():
    text = "وبحث السفير الألماني لدى المملكة بوريس روغه مع المهندس صالح الرشيد الفرص المتاحة في جدة."
    names = [("بوريس روغه", "PER"), ("صالح الرشيد", "PER"), ("المملكة", "LOC"), ("جدة", "LOC")]
    (meeting,) = events_of(text, names)
    assert set(meeting.participants) == {"بوريس روغه", "صالح الرشيد"} and meeting.location == "جدة"


def test_a_joined_verb_shares_its_subject_and_verbal_attacks_condolences_and_denials_are_no_events():
    text = "وقالت القناة إن سليماني وصل إلى موسكو يوم 24 يوليو والتقى بالرئيس فلاديمير بوتين."
    names = [("سليماني", "PER"), ("موسكو", "LOC"), ("فلاديمير بوتين", "PER")]
    (meeting,) = [e for e in events_of(text, names) if e.type == "meeting"]
    assert set(meeting.participants) >= {"سليماني", "فلاديمير بوتين"}
    text = "وشن بهاء الأعرجي في مؤتمر صحافي هجوما كاسحا على من وصفهم بالأيتام."
    assert [e.type for e in events_of(text, [("بهاء الأعرجي", "PER")])] == ["statement"]  # press conference
    text = "واستقبل الزميل عبدالله بادخن مشرف المشاريع العزاء في وفاة والدته بحضور سعيد الغامدي."
    assert events_of(text, [("عبدالله بادخن", "PER"), ("سعيد الغامدي", "PER")]) == []
    text = "ونقلت الوكالة عن متحدث باسم الكرملين نفيه أي لقاء بين قاسم سليماني وفلاديمير بوتين."
    assert events_of(text, [("قاسم سليماني", "PER"), ("فلاديمير بوتين", "PER")]) == []


def test_an_organisation_right_after_the_verb_issues_the_statement():
    text = "بدوره أعلن الجيش الإسرائيلي حالة التأهب تحسبا لرد على اغتيال العالم محسن فخري زادة."
    (statement,) = events_of(text, [("الجيش الإسرائيلي", "ORG"), ("محسن فخري زادة", "PER")])
    assert statement.participants == ["الجيش الإسرائيلي"]


def test_troops_and_teams_arriving_are_no_visits_and_council_members_meet_at_no_council():
    text = "وأفادت تقارير بأن قوات برية محدودة من دول التحالف وصلت إلى عدن بحضور عبد ربه منصور هادي."
    assert events_of(text, [("عدن", "LOC"), ("عبد ربه منصور هادي", "PER")]) == []
    text = "وكان منتخبنا قد وصل أمس إلى مدينة دبي وتضم بعثته إبراهيم العيد مديرا للمنتخب."
    assert events_of(text, [("دبي", "LOC"), ("إبراهيم العيد", "PER")]) == []
    text = "وتشهد العاصمة القطرية مباحثات بين الوزير جون كيري والوزير عادل الجبير في مجلس التعاون الخليجي."
    names = [("جون كيري", "PER"), ("عادل الجبير", "PER"), ("مجلس التعاون الخليجي", "ORG")]
    (meeting,) = events_of(text, names)
    assert meeting.location is None  # the council is the ministers', not the venue


def test_a_second_partys_title_and_a_city_that_witnesses_talks():
    text = "وتشهد الدوحة مباحثات بين الوزير جون كيري والوزير عادل الجبير."
    (meeting,) = events_of(text, [("الدوحة", "LOC"), ("جون كيري", "PER"), ("عادل الجبير", "PER")])
    assert set(meeting.participants) == {"جون كيري", "عادل الجبير"} and meeting.location == "الدوحة"
    text = "في بحث فريد من نوعه توصلت الطالبة رانية مكي في جامعة نوتينجهام إلى اكتشاف وراثي."
    assert events_of(text, [("رانية مكي", "PER"), ("جامعة نوتينجهام", "ORG")]) == []
    text = "في الوقت الذي وصل فيه إنتاج أوبك إلى أعلى مستوياته بحسب وكالة رويترز."
    assert events_of(text, [("أوبك", "ORG"), ("رويترز", "ORG")]) == []


def test_two_players_meeting_in_a_sports_report_play_a_match():
    text = "والتقى اللاعبان دافيد جوفان وروبن هاسي قبل عام في نهائي دورة كيتسبويل."
    entities = resolve(text, mentions_in(text, [("دافيد جوفان", "PER"), ("روبن هاسي", "PER")]))
    assert find_events(text, entities, sports=True) == []
    assert [e.type for e in find_events(text, entities)] == ["meeting"]


def test_an_invitation_to_make_a_visit_is_no_visit():
    text = "ووجه رئيس الوزراء اليوناني الدعوة للرئيس عبد الفتاح السيسي لإجراء زيارة إلى اليونان."
    assert events_of(text, [("عبد الفتاح السيسي", "PER"), ("اليونان", "LOC")]) == []
    text = "ووصل الرئيس عبد الفتاح السيسي إلى أثينا لإجراء زيارة رسمية إلى اليونان."
    names = [("عبد الفتاح السيسي", "PER"), ("أثينا", "LOC"), ("اليونان", "LOC")]
    assert [e.type for e in events_of(text, names)] == ["visit"]


def test_searching_as_an_adverb_is_no_talks():
    text = "وتقدم المنتخب بحثاً عن هدف التعديل، واستخدم مدربه أولي شتيليكه أوراقه مع اللاعب سون هيونج."
    assert events_of(text, [("أولي شتيليكه", "PER"), ("سون هيونج", "PER")]) == []


def test_allowed_or_conditional_events_are_not_reported():
    text = "ويسمح القرار بإعادة فرض كل عقوبات الأمم المتحدة إذا انتهكت إيران الاتفاق."
    assert events_of(text, [("الأمم المتحدة", "ORG"), ("إيران", "LOC")]) == []
    text = "وفي حال حصلت زيارة جوزيف بلاتر إلى روسيا فإنها ستكون الأولى له منذ الأزمة."
    assert events_of(text, [("جوزيف بلاتر", "PER"), ("روسيا", "LOC")]) == []
    text = "وحصلت زيارة جوزيف بلاتر إلى روسيا أمس وهي الأولى له منذ الأزمة."
    assert [e.type for e in events_of(text, [("جوزيف بلاتر", "PER"), ("روسيا", "LOC")])] == ["visit"]


def test_things_that_combine_or_come_to_a_point_are_no_meeting_or_visit():
    text = "استقالة الأستاذ تركي السديري بعد رحلة طويلة اجتمع فيها الجهد والعرق بالنجاح في جريدة الرياض."
    assert events_of(text, [("تركي السديري", "PER"), ("الرياض", "ORG")]) == []
    text = "في القاعة التي اجتمع فيها الرئيس عبد الفتاح السيسي بالملك سلمان أمس."
    (meeting,) = events_of(text, [("عبد الفتاح السيسي", "PER"), ("سلمان", "PER")])
    assert set(meeting.participants) == {"عبد الفتاح السيسي", "سلمان"}
    text = (
        "صبيحة اليوم الذي من المقرر أن يجتمع فيه وزير الخارجية الأميركي (جون كيري) مع نظرائه "
        "في دول مجلس التعاون."
    )
    (meeting,) = events_of(text, [("جون كيري", "PER"), ("مجلس التعاون", "ORG")])
    assert meeting.participants[0] == "جون كيري"
    text = "حتى وصل الأمر إلى حد أن تطالب إسرائيل باحتلال الجولان في عهد أوباما."
    assert events_of(text, [("إسرائيل", "LOC"), ("الجولان", "LOC"), ("أوباما", "PER")]) == []
    text = "وصل الى مطار حائل الطاقم الفني التونسي الذي تعاقدت معه إدارة نادي اللواء."
    assert events_of(text, [("حائل", "LOC"), ("نادي اللواء", "ORG")]) == []
    text = "يصل مساء اليوم إلى المدينة المنورة جثمان الشهيد سامي معوض الحربي لأداء الصلاة عليه."
    assert events_of(text, [("المدينة المنورة", "LOC"), ("سامي معوض الحربي", "PER")]) == []


def test_a_search_engine_and_applicants_received_are_no_meeting():
    text = "وتحدث الوفد عن محرك بحث بيدو الشهير الذي أسسه روبن لي وإريك تشو."
    assert events_of(text, [("بيدو", "ORG"), ("روبن لي", "PER"), ("إريك تشو", "PER")]) == []
    text = "فيما يستقبل الفرع النسائي الراغبات بشغل وظائف لدى شركة ايوان للحراسات في الرياض."
    assert events_of(text, [("ايوان", "ORG"), ("الرياض", "LOC")]) == []


def test_his_reception_after_a_visit_is_the_visitors_and_its_staff_are_no_venue():
    text = (
        "وصل الأمير محمد بن سلمان، اليوم، إلى المملكة الأردنية الهاشمية. كما كان في استقباله رئيس "
        "الديوان الملكي فايز الطراونة، ووزير الخارجية ناصر جودة، وعدد من المسؤولين في الحكومة الأردنية."
    )
    names = [("محمد بن سلمان", "PER"), ("المملكة الأردنية الهاشمية", "LOC"), ("فايز الطراونة", "PER"),
             ("ناصر جودة", "PER"), ("الحكومة الأردنية", "ORG")]  # fmt: skip
    (meeting,) = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meeting.participants[:3] == ["محمد بن سلمان", "فايز الطراونة", "ناصر جودة"]
    assert meeting.location != "الحكومة الأردنية"
    text = "وأكد الوزير أهمية التعاون. كما كان في استقباله رئيس الديوان الملكي فايز الطراونة."
    assert events_of(text, [("فايز الطراونة", "PER")]) == []  # no visit before: no guest to name


def test_what_a_meeting_will_discuss_is_no_meeting_of_its_own():
    text = (
        "وستجري موغيريني محادثات مع وزير الخارجية التونسي الطيب البكوش، على هامش اجتماعات وزراء خارجية "
        "دول الاتحاد الأوروبي المقررة غدا في بروكسل، والتي ستبحث عدة ملفات، أبرزها الوضع في ليبيا وملف إيران."
    )
    names = [("موغيريني", "PER"), ("الطيب البكوش", "PER"), ("الاتحاد الأوروبي", "ORG"), ("بروكسل", "LOC"),
             ("ليبيا", "LOC"), ("إيران", "LOC")]  # fmt: skip
    assert [e.participants for e in events_of(text, names)] == [["موغيريني", "الطيب البكوش"]]
    text = "وحضر الاجتماع وزير الخارجية سامح شكري الذي بحث مع نظيره الأردني ناصر جودة الأوضاع في ليبيا."
    names = [("سامح شكري", "PER"), ("ناصر جودة", "PER"), ("ليبيا", "LOC")]
    assert {"سامح شكري", "ناصر جودة"} in [set(e.participants) for e in events_of(text, names)]


def test_a_governors_region_is_his_title_not_a_party():
    text = (
        "استقبل الأمير فيصل بن بندر أمير منطقة الرياض في مكتبه اليوم رئيس الندوة العالمية للشباب "
        "الإسلامي الدكتور صالح الوهيبي."
    )
    names = [("فيصل بن بندر", "PER"), ("الرياض", "LOC"), ("صالح الوهيبي", "PER")]
    assert [e.participants for e in events_of(text, names)] == [["فيصل بن بندر", "صالح الوهيبي"]]
    text = "واستقبل أمير قطر الشيخ تميم بن حمد وزير الخارجية عادل الجبير."
    names = [("قطر", "LOC"), ("تميم بن حمد", "PER"), ("عادل الجبير", "PER")]
    assert [e.participants for e in events_of(text, names)] == [["تميم بن حمد", "عادل الجبير"]]


def test_visiting_hours_and_a_state_reached_are_no_visit():
    text = "اعتمد مدير الشؤون الصحية بمنطقة مكة المكرمة الدكتور مصطفى بلجون أوقات الزيارة في مستشفيات مكة."
    assert events_of(text, [("مصطفى بلجون", "PER"), ("مكة", "LOC")]) == []
    text = "كنت من المقربين لصالح، ولكني وصلت إلى ضرورة الفصل بين العلاقة الشخصية والمصلحة العامة في دمشق."
    assert events_of(text, [("صالح", "PER"), ("دمشق", "LOC")]) == []
    text = "ووصل الرئيس اليمني عبد ربه منصور هادي إلى الرياض أمس."
    names = [("عبد ربه منصور هادي", "PER"), ("الرياض", "LOC")]
    assert [e.type for e in events_of(text, names)] == ["visit"]


def test_a_statement_made_is_not_dated_by_a_later_day_before_it():
    text = (
        "باتت مشاركة المهاجم نايف هزازي في لقاء السوبر غدا بيد المدرب بعدما أعلن رئيس لجنة الاحتراف "
        "عبدالله البرقان أن النصر قدم الحوالات البنكية الخاصة بلاعبيه."
    )
    names = [("نايف هزازي", "PER"), ("عبدالله البرقان", "PER"), ("النصر", "ORG")]
    (statement,) = [e for e in events_of(text, names, date(2015, 8, 11)) if e.type == "statement"]
    assert statement.status == "happened" and statement.date is None


def test_a_meeting_named_again_takes_the_place_said_from_the_noun_on():
    text = (
        "وصافح الرئيس الأمريكي باراك أوباما نائب الرئيس الكيني وليام روتو. وروتو الذي يحاكم امام المحكمة "
        "الجنائية الدولية في لاهاي، كان موجودا في قاعة الاجتماع في المقر الرئاسي."
    )
    names = [("باراك أوباما", "PER"), ("وليام روتو", "PER"), ("لاهاي", "LOC")]
    (meeting,) = events_of(text, names)
    assert meeting.location is None
    text = "والتقى الرئيس باراك أوباما نظيره الكيني أوهورو كينياتا. وعقد اللقاء في نيروبي."
    names = [("باراك أوباما", "PER"), ("أوهورو كينياتا", "PER"), ("نيروبي", "LOC")]
    (meeting,) = events_of(text, names)
    assert meeting.location == "نيروبي"


def test_a_clubs_board_issues_the_clubs_statement():
    text = "أعلنت إدارة النادي الأهلي عن تعاقدها رسمياً مع المدرب الروماني سيوريانو فلورين لمدة موسم واحد."
    (statement,) = events_of(text, [("الأهلي", "ORG"), ("سيوريانو فلورين", "PER")])
    assert statement.participants == ["الأهلي"]


def test_an_untagged_capital_that_announced_is_no_named_issuer():
    text = (
        "وكانت المنامة أعلنت، الجمعة الماضي، إحباط عملية تهريب كمية من المواد المتفجرة، عن طريق البحر، "
        "إلى جانب عدد من الأسلحة الآلية والذخائر من إيران."
    )
    assert events_of(text, [("إيران", "LOC")]) == []


def test_an_office_of_two_words_and_an_employer_after_a_meeting_noun_are_no_parties():
    text = "استقبل الملك سلمان بن عبدالعزيز في مكتبه اليوم، رئيس وزراء لبنان الأسبق سعد الحريري."
    names = [("سلمان بن عبدالعزيز", "PER"), ("لبنان", "LOC"), ("سعد الحريري", "PER")]
    assert [e.participants for e in events_of(text, names)] == [["سلمان بن عبدالعزيز", "سعد الحريري"]]
    text = "وأكد بحاح خلال لقائه الامين العام لمجلس التعاون لدول الخليج العربية عبد اللطيف الزياني في الرياض."
    names = [("بحاح", "PER"), ("مجلس التعاون لدول الخليج العربية", "ORG"), ("عبد اللطيف الزياني", "PER"),
             ("الرياض", "LOC")]  # fmt: skip
    assert [e.participants for e in events_of(text, names)] == [["بحاح", "عبد اللطيف الزياني"]]


def test_an_official_account_that_announces_names_no_issuer():
    text = "أعلن الحساب الرسمي لنهائي كأس السوبر التي ستقام بين الهلال والنصر في لندن أن بيع التذاكر يبدأ."
    assert events_of(text, [("الهلال", "ORG"), ("النصر", "ORG"), ("لندن", "LOC")]) == []
    text = 'وأعلن موقع "لو فيجارو" أن الدراسة أجريت لمدة 15 عاما على مجموعة من الشباب الفرنسيين.'
    (statement,) = events_of(text, [("لو فيجارو", "PER")])  # a site's name under any tag
    assert statement.participants == ["لو فيجارو"]


def test_a_goal_let_in_is_no_reception():
    text = "استقبل مرمى ستوك هدفا في الدقيقة 86 عن طريق تسديدة قوية من فيليب كوتينيو لاعب وسط ليفربول."
    names = [("ستوك", "ORG"), ("فيليب كوتينيو", "PER"), ("ليفربول", "ORG")]
    assert events_of(text, names) == []
    text = "واستقبل الرئيس الروسي فلاديمير بوتين في موسكو رئيس وزراء اليابان شينزو آبي."
    names = [("فلاديمير بوتين", "PER"), ("موسكو", "LOC"), ("اليابان", "LOC"), ("شينزو آبي", "PER")]
    (meeting,) = events_of(text, names)
    assert {"فلاديمير بوتين", "شينزو آبي"} <= set(meeting.participants)


def test_a_team_met_in_a_sports_report_is_a_match():
    text = "عندما يلتقي بفريق غاز سبور التركي بحضور المحترفين كارلوس إدواردو وإلتون ألميدا."
    names = [("غاز سبور", "ORG"), ("كارلوس إدواردو", "PER"), ("إلتون ألميدا", "PER")]
    assert find_events(text, resolve(text, mentions_in(text, names)), sports=True) == []


def test_the_ministry_right_after_the_cue_issues_the_statement():
    text = (
        "أعلنت وزارة الآثار المصرية عن حملة قومية لإنقاذ مائة مبنى أثري بالقاهرة التاريخية.\n"
        "وفي إطار احتفالات قناة السويس الجديدة، أعلنت الوزارة عن افتتاح معرض يحمل عنوان "
        "«الاكتشافات الأثرية بمنطقة المدخل الشرقي لقناة السويس» في المتحف."
    )
    names = [("وزارة الآثار المصرية", "ORG"), ("السويس", "ORG"), ("القاهرة", "LOC")]
    statements = [e for e in events_of(text, names) if e.type == "statement"]
    assert statements and all(e.participants == ["وزارة الآثار المصرية"] for e in statements)


def test_reaching_a_result_or_a_stage_is_no_visit():
    names = [("ستيفان دي مستورا", "PER"), ("الأمم المتحدة", "ORG"), ("سوريا", "LOC")]
    for text in (
        "وبهذا وصل ستيفان دي مستورا إلى ذات النتائج السابقة لمبعوثي الأمم المتحدة.",
        "ووصل ستيفان دي مستورا إلى مرحلة صعبة مع الأمم المتحدة في سوريا.",
        "ووصل ستيفان دي مستورا إلى قناعة بأن الأمم المتحدة عاجزة.",
    ):
        assert events_of(text, names) == []
    text = "ووصل ستيفان دي مستورا إلى دمشق في زيارة تستمر يومين."
    assert [e.type for e in events_of(text, [("ستيفان دي مستورا", "PER"), ("دمشق", "LOC")])] == ["visit"]


def test_an_unnamed_subject_before_qad_or_an_unnamed_body_issues_no_statement_of_a_later_name():
    text = "وكانت قيادة القوات المشتركة قد أعلنت استشهاد الجندي جمعة الحمادي في اليمن."
    assert events_of(text, [("جمعة الحمادي", "PER"), ("اليمن", "LOC")]) == []
    text = "أعلن نادي اتحاد جدة أمس رسميا تعاقده مع المدرب الروماني لازلو بولوني لمدة عامين."
    assert events_of(text, [("لازلو بولوني", "PER")]) == []
    text = "وكان الرئيس فلاديمير بوتين قد أعلن أن بلاده لن تتراجع عن مواقفها في سوريا."
    (statement,) = events_of(text, [("فلاديمير بوتين", "PER"), ("سوريا", "LOC")])
    assert statement.participants == ["فلاديمير بوتين"]
    text = "أعلنت اليوم وزارة الداخلية أن الأمن مستتب في البلاد."
    (statement,) = events_of(text, [("وزارة الداخلية", "ORG")])
    assert statement.participants == ["وزارة الداخلية"]


def test_the_same_talks_named_again_urged_signings_and_a_cup_arriving_are_no_new_events():
    text = (
        "وجاءت مفاوضات الأهلي مع حارس الرائد أحمد الكسار، ليكون بديلاً للحارس عبدالله المعيوف.\n"
        "ومن جهته قال المتحدث عبدالله الشيخي إنه تم تجديد المفاوضات مع الكسار، وإن موضوع المعيوف محسوم."
    )
    names = [("الأهلي", "ORG"), ("أحمد الكسار", "PER"), ("الكسار", "PER"), ("عبدالله المعيوف", "PER")]
    names.append(("عبدالله الشيخي", "PER"))
    assert [e.type for e in events_of(text, names)] == ["negotiation"]
    text = (
        "بينما حثت الحكومة المعترف بها دوليا في ليبيا المجتمع الدولي على إجبار المؤتمر الوطني العام "
        "على التوقيع على اتفاق السلام الذي ترعاه الأمم المتحدة، بدأ نوري أبو سهمين زيارة إلى الجزائر."
    )
    names = [("ليبيا", "LOC"), ("الأمم المتحدة", "ORG"), ("نوري أبو سهمين", "PER"), ("الجزائر", "LOC")]
    assert [e.type for e in events_of(text, names)] == ["visit"]
    text = "ووصلت النسخة الأصلية من كأس بطولة السوبر إلى لندن برفقة أعضاء الاتحاد السعودي لكرة القدم."
    assert events_of(text, [("لندن", "LOC"), ("الاتحاد السعودي لكرة القدم", "ORG")]) == []


def test_a_principal_named_in_a_deputys_title_is_no_party():
    text = (
        "التقى نبيل العربي أمس ستيفان دي ميستورا المبعوث الخاص للأمين العام للأمم المتحدة بان كي مون لسوريا."
    )
    names = [("نبيل العربي", "PER"), ("ستيفان دي ميستورا", "PER"), ("الأمم المتحدة", "ORG")]
    names.append(("بان كي مون", "PER"))
    (meeting,) = events_of(text, names)
    assert meeting.participants == ["نبيل العربي", "ستيفان دي ميستورا"]
    text = "التقى عبد الفتاح السيسي أمس سوزان رايس مستشارة الرئيس الأمريكي باراك أوباما."
    names = [("عبد الفتاح السيسي", "PER"), ("سوزان رايس", "PER"), ("باراك أوباما", "PER")]
    (meeting,) = events_of(text, names)
    assert meeting.participants == ["عبد الفتاح السيسي", "سوزان رايس"]
    # a portfolio between the titles makes the name the deputy's own
    text = "التقى عبد الفتاح السيسي أمس مستشارة الرئيس الأمريكي لشؤون الأمن القومي سوزان رايس."
    (meeting,) = events_of(text, names[:2])
    assert meeting.participants == ["عبد الفتاح السيسي", "سوزان رايس"]


def test_another_summit_or_sources_inside_a_government_say_nothing_of_an_earlier_meetings_place():
    text = (
        "وتحسنت العلاقات عقب اجتماعات بين آبي والرئيس الصيني شي جين بينغ العام الماضي. "
        "وتقول مصادر في الحكومة اليابانية إن قمة أخرى بين الزعيمين قد تعقد هذا العام."
    )
    names = [("آبي", "PER"), ("شي جين بينغ", "PER"), ("الحكومة اليابانية", "ORG")]
    (meeting,) = events_of(text, names)
    assert meeting.location is None
    text = "واجتمع آبي مع الرئيس شي جين بينغ أمس. وعقد الاجتماع في الحكومة اليابانية."
    (meeting,) = events_of(text, names)
    assert meeting.location == "الحكومة اليابانية"


def test_a_death_announced_in_it_names_no_issuer():
    text = "وكانت آخر مرة أعلن فيها عن وفاة الملا عمر قبل أسابيع قليلة في ظروف غامضة."
    assert events_of(text, [("الملا عمر", "PER")]) == []


def test_a_visitor_after_honorifics_and_a_destination_no_name_gives():
    text = (
        "رأى الخبير السياسي جورج علم أن زيارة صاحب السمو الملكي الأمير محمد بن سلمان ولي ولي العهد "
        "إلى مصر تأتي لتعزيز العلاقات، واستكمالا لزيارة وزير الخارجية المصري سامح شكري إلى المملكة."
    )
    names = [("جورج", "PER"), ("محمد بن سلمان", "PER"), ("مصر", "LOC"), ("سامح شكري", "PER")]
    visits = [e for e in events_of(text, names) if e.type == "visit"]
    assert [(e.participants[0], e.location) for e in visits] == [("محمد بن سلمان", "مصر")]


def test_no_one_visits_his_own_country():
    text = "وقال في برقية شكر للرئيس المصري عبد الفتاح السيسي بعد انتهاء زيارته لمصر إن المباحثات مثمرة."
    assert events_of(text, [("عبد الفتاح السيسي", "PER"), ("مصر", "LOC")]) == []
    text = "وصل الرئيس الأمريكي باراك أوباما إلى مصر أمس في زيارة رسمية."
    (visit,) = events_of(text, [("باراك أوباما", "PER"), ("مصر", "LOC")])
    assert visit.participants == ["باراك أوباما", "مصر"]
    text = (
        "وصلت الوزيرة برونهيلد كورت إلى الصين أمس في زيارة رسمية. "
        'وأشادت بـ"الجانب الصيني". \nوذكرت كورت أن التعاون مهم.'  # another sentence's adjective
    )
    (visit,) = events_of(text, [("برونهيلد كورت", "PER"), ("كورت", "PER"), ("الصين", "LOC")])
    assert visit.participants == ["برونهيلد كورت", "الصين"]


def test_an_unnamed_body_before_a_bare_verb_after_kana_issues_the_statement_not_the_last_speaker():
    text = (
        "وقالت الإمارات إن الجندي جمعة الحمادي استشهد في اليمن. "
        "وكانت قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن أعلنت في بيان لها أمس «استشهادهم»."
    )
    names = [("جمعة الحمادي", "PER"), ("تحالف دعم الشرعية", "ORG"), ("اليمن", "LOC"), ("الإمارات", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "statement"] == []
    text = "وكانت وزارة الخارجية الأمريكية أعلنت أن الاتفاق قريب."
    (statement,) = events_of(text, [("وزارة الخارجية الأمريكية", "ORG")])
    assert statement.participants == ["وزارة الخارجية الأمريكية"]


def test_a_statement_takes_no_issuer_from_the_next_sentence():
    text = (
        "وتوفي في مستشفى في كراتشي كما أعلنت الاستخبارات الأفغانية الأسبوع الماضي. "
        "وبرعاية الولايات المتحدة والصين استضافت باكستان مفاوضات بين طالبان والحكومة."
    )
    names = [("كراتشي", "LOC"), ("الولايات المتحدة", "LOC"), ("الصين", "LOC"), ("باكستان", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "statement"] == []


def test_a_day_and_month_without_a_year_lie_in_the_past_unless_near_or_planned():
    july = date(2015, 7, 31)
    assert find_dates("بين الأول من يناير و30 يونيو", july)[0].date == "2015-01-01"
    assert find_dates("في 12 أغسطس", july)[0].date == "2015-08-12"
    assert find_dates("في 5 يناير", july, planned=True)[0].date == "2016-01-05"
    assert find_dates("في 14 يوليو", date(2015, 7, 20), planned=True)[0].date == "2015-07-14"
    assert find_dates("في 5 يناير", date(2015, 12, 20))[0].date == "2016-01-05"
    assert find_dates("في 29 فبراير", date(2015, 3, 10))[0].date is None


def test_a_capital_named_as_a_place_and_the_topic_of_talks_are_no_parties():
    text = (
        "وكان الجبير وشتاينماير قد عقدا اجتماعاً في العاصمة الألمانية برلين بحثا خلاله العلاقات الثنائية."
    )
    names = [("الجبير", "PER"), ("شتاينماير", "PER"), ("ألمانيا", "LOC"), ("برلين", "LOC")]
    (meeting,) = events_of(text + " وزار وزير خارجية ألمانيا الرياض.", names)[:1]
    assert meeting.participants == ["الجبير", "شتاينماير"]
    text = "وقال سامح شكري إنه بحث الاتفاق بين الغرب وإيران حول برنامجها النووي."
    assert events_of(text, [("سامح شكري", "PER"), ("إيران", "LOC")]) == []
    text = "وبحث وزير الخارجية عادل الجبير العلاقات الثنائية مع نظيره الفرنسي لوران فابيوس."
    (meeting,) = events_of(text, [("عادل الجبير", "PER"), ("لوران فابيوس", "PER")])
    assert meeting.participants == ["عادل الجبير", "لوران فابيوس"]


def test_a_plane_that_lands_after_a_person_left_in_it_is_no_visit():
    text = (
        "كشفت مصادر عن فرار أقارب الرئيس اليمني المخلوع علي عبدالله صالح من اليمن. "
        "وأوضح المصدر أن 12 فردا من عائلة صالح بينهم طارق محمد عبدالله صالح غادروا في طائرة تابعة "
        "للأمم المتحدة وصلت مطار صنعاء الدولي وأقلتهم إلى دولة إقليمية. ولم تعلق الأمم المتحدة على ذلك."
    )
    names = [
        ("علي عبدالله صالح", "PER"),
        ("طارق محمد عبدالله صالح", "PER"),
        ("الأمم المتحدة", "ORG"),
        ("صنعاء", "LOC"),
        ("اليمن", "LOC"),
    ]
    assert [e for e in events_of(text, names) if e.type == "visit"] == []


def test_this_visit_is_the_one_reported_troops_arrive_on_no_visit_and_tomorrow_may_carry_tanween():
    text = (
        "قام مدير شرطة محافظة الطائف العميد عبدالرحمن الثمالي، ومدير إدارة مرور محافظة الطائف العميد خالد "
        "حجري، بزيارة تفقدية لإدارة العامة للدفاع المدني بمحافظة الطائف وكان في استقبالهم مدير الإدارة "
        "العميد خالد الداموك، وقد تم خلال هذه الزيارة مناقشة بعض القضايا ذات العلاقة بأعمال الدفاع المدني. "
        "ومدى اهمية التعاون بين كافة القطاعات الأمنية لما فيه مصلحة الجميع، وقد عبر العميد الداموك، عن "
        "شكره وتقديره هذه الزيارة التي تصب في توثيق العلاقة بين الإدارات."
    )
    names = [("عبدالرحمن الثمالي", "PER"), ("خالد حجري", "PER"), ("خالد الداموك", "PER"), ("الداموك", "PER")]
    visits = [e for e in events_of(text, names + [("الطائف", "LOC")]) if e.type == "visit"]
    assert visits and all("خالد الداموك" not in v.participants for v in visits)
    text = "وصلت كتيبة عسكرية إماراتية إلى عدن لتأمين مطارها إلى جانب القوات اليمنية العسكرية."
    names = [("القوات اليمنية العسكرية", "ORG"), ("عدن", "LOC"), ("اليمن", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "visit"] == []
    assert find_dates("يبدأ غدًا زيارة", date(2015, 7, 20))[0].date == "2015-07-21"


def test_an_office_holder_named_after_his_rank_and_district_issues_the_statement():
    text = "أعلن مدير أمن مديرية مكيراس بمحافظة البيضاء العقيد عبد الله صالح معرجي انشقاقه عن الحوثيين."
    names = [("مكيراس", "LOC"), ("عبد الله صالح معرجي", "PER")]
    (statement,) = [e for e in events_of(text, names) if e.type == "statement"]
    assert statement.participants == ["عبد الله صالح معرجي"]


def test_a_subject_before_the_verb_of_a_statement_may_carry_an_epithet():
    text = "ونقلت وسائل إعلام فرنسية أن تنظيم داعش الإرهابي أعلن مسؤوليته عن حادثة الطعن في باريس."
    (statement,) = events_of(text, [("داعش", "ORG"), ("باريس", "LOC")])
    assert statement.type == "statement" and statement.participants == ["داعش"]


def test_the_president_an_adviser_serves_is_no_party_of_the_meeting_she_holds():
    text = (
        "وعقدت سوزان رايس، مستشارة الأمن القومي للرئيس أوباما، اجتماعا مع وزير الدفاع آشتون كارتر "
        "لمناقشة إغلاق السجن."
    )
    names = [("سوزان رايس", "PER"), ("أوباما", "PER"), ("آشتون كارتر", "PER")]
    (meeting,) = events_of(text, names)
    assert meeting.participants == ["سوزان رايس", "آشتون كارتر"]


def test_what_a_country_has_reached_is_no_visit_and_a_place_north_of_a_country_is_where():
    text = "أشاد وكيل الوزارة بما وصلت إليه كوريا الجنوبية من تقدم تكنولوجي في مجال الكهرباء إلى اليوم."
    assert [e.type for e in events_of(text, [("كوريا الجنوبية", "LOC")])] == []
    text = "وفي الليلة التالية شنت 75 طائرة تركية هجمات على 48 موقعا للحزب الكردي في جبال قنديل شمال العراق."
    (attack,) = events_of(text, [("قنديل", "LOC"), ("العراق", "LOC")])
    assert attack.type == "attack" and "العراق" not in attack.participants


def test_an_unnamed_prosecutor_and_the_object_of_announce_issue_no_statement_for_a_place():
    text = (
        "أعلن المدعي العام الفدرالي في ولاية كونيكتيكت في شمال شرق الولايات المتحدة امس الجمعة "
        "توجيه الاتهام الى جندي في البحرية."
    )
    events = events_of(text, [("كونيكتيكت", "LOC"), ("الولايات المتحدة", "LOC")])
    assert all("الولايات المتحدة" not in e.participants for e in events)
    text = (
        "وبالنسبة لبنك الكويت الوطني، فقد أعلن تحقيقه أرباحا صافية بلغت 163.4 مليون دينار، حيث "
        "تضمنت الأرباح بيع حصته في بنك قطر الدولي."
    )
    events = events_of(text, [("بنك الكويت الوطني", "ORG"), ("قطر", "LOC")])
    assert all("قطر" not in e.participants for e in events)


def test_the_king_whose_deputy_receives_guests_is_no_party():
    text = (
        "وجه خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز بصرف المساعدات. "
        "واستقبل نائب خادم الحرمين الشريفين وزير الداخلية صاحب السمو الملكي الأمير محمد بن نايف في جدة "
        "اليوم وزير الخارجية الأمريكي جون كيري."
    )
    names = [("سلمان بن عبدالعزيز", "PER"), ("محمد بن نايف", "PER"), ("جون كيري", "PER"), ("جدة", "LOC")]
    meetings = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meetings and all("سلمان بن عبدالعزيز" not in e.participants for e in meetings)


def test_the_purpose_of_a_meeting_names_no_party():
    text = (
        "التقى وزير الدفاع الأميركي اشتون كارتر رئيس الوزراء الاسرائيلي بنيامين نتنياهو في محاولة لتهدئة "
        "قلق اسرائيل حيال الاتفاق النووي المبرم بين ايران والقوى الكبرى."
    )
    names = [("اشتون كارتر", "PER"), ("بنيامين نتنياهو", "PER"), ("اسرائيل", "LOC"), ("ايران", "LOC")]
    (meeting,) = events_of(text, names)
    assert meeting.participants == ["اشتون كارتر", "بنيامين نتنياهو"]


def test_a_definite_event_noun_after_during_is_the_event_reported_before():
    text = (
        "استقبل محافظ وادي الدواسر أحمد المنيفي في مكتبه أمس مدير مركز التنمية الاجتماعية عبدالله الدوسري. "
        "وخلال اللقاء اعتمد المنيفي هوية الحملة تحت مظلة وزارة الشؤون الاجتماعية."
    )
    names = [("أحمد المنيفي", "PER"), ("المنيفي", "PER"), ("عبدالله الدوسري", "PER")]
    names.append(("وزارة الشؤون الاجتماعية", "ORG"))
    meetings = [e for e in events_of(text, names) if e.type == "meeting"]
    assert len(meetings) == 1 and "وزارة الشؤون الاجتماعية" not in meetings[0].participants


def test_a_name_in_the_object_after_an_unnamed_subject_issues_no_statement():
    text = "وفي مأرب، أعلنت المقاومة الشعبية سيطرتها على ثلاثة مواقع جديدة للحوثيين وقوات صالح."
    events = events_of(text, [("مأرب", "LOC"), ("صالح", "PER")])
    assert all("صالح" not in e.participants for e in events)


def test_a_meeting_during_which_a_call_was_made_happened_with_the_party_after_its_time_and_place():
    text = (
        "ودعا الرئيس اليمني عبدربه منصور هادي خلال لقائه، أمس في الرياض، إسماعيل ولد الشيخ، إلى زيارة "
        "محافظة عدن. وأوضحت الوكالة أن الجانبين استعرضا خلال اللقاء الذي حضره خالد بحاح المستجدات "
        "وبحث آلية تنفيذ قرار مجلس الأمن الدولي."
    )
    names = [("عبدربه منصور هادي", "PER"), ("الرياض", "LOC"), ("إسماعيل ولد الشيخ", "PER"), ("عدن", "LOC")]
    names += [("خالد بحاح", "PER"), ("مجلس الأمن الدولي", "ORG")]
    (meeting,) = [e for e in events_of(text, names, "2015-07-27") if e.type == "meeting"]
    assert meeting.participants == ["عبدربه منصور هادي", "إسماعيل ولد الشيخ"]
    assert meeting.location == "الرياض" and meeting.status == "happened"


def test_an_attack_noun_with_its_own_clause_of_happening_takes_the_place_in_it():
    text = (
        "فرقت الشرطة التركية في اسطنبول مئات المتظاهرين الذين كانوا يدينون تنظيم داعش بعد الهجوم "
        "الانتحاري الذي وقع مطلع الأسبوع في سوروتش جنوب البلاد."
    )
    names = [("اسطنبول", "LOC"), ("داعش", "ORG"), ("سوروتش", "LOC")]
    (attack,) = [e for e in events_of(text, names) if e.type == "attack"]
    assert attack.location == "سوروتش"


def test_a_name_that_reads_as_a_verb_triggers_nothing():
    text = "حضر رئيس النصر الأمير فيصل بن تركي مبكرًا إلى لندن وسبق بعثة فريقه."
    assert events_of(text, [("فيصل بن تركي", "PER"), ("لندن", "LOC"), ("النصر", "ORG")]) == []


def test_a_meeting_agreed_on_is_planned():
    text = (
        "وأوضح المالكي أنه تم الاتفاق على عقد اجتماع قريب بين وزارة الخارجية السويسرية "
        "ووزارة الخارجية الفلسطينية."
    )
    names = [("المالكي", "PER"), ("وزارة الخارجية السويسرية", "ORG"), ("وزارة الخارجية الفلسطينية", "ORG")]
    (meeting,) = events_of(text, names)
    assert meeting.status == "planned"


def test_a_body_after_its_own_head_noun_issues_the_statement_not_the_man_it_appoints():
    text = (
        "وأعلن النادي الأهلي عن اعتماد المجلس التنفيذي لهيئة أعضاء الشرف تعيين مساعد الزويهري "
        "رئيسا لمجلس النادي بنظام التزكية."
    )
    (statement,) = events_of(text, [("الأهلي", "ORG"), ("مساعد الزويهري", "PER")])
    assert statement.participants == ["الأهلي"]


def test_his_visit_after_a_meeting_is_the_subjects_and_meetings_with_two_are_his():
    text = (
        "التقى وزير الدفاع الاميركي اشتون كارتر الجمعة رئيس اقليم كردستان مسعود بارزاني في اليوم الثاني "
        "من زيارته للعراق. واجرى كارتر بعد وصوله الى بغداد لقاءات مع رئيس الوزراء حيدر العبادي ونظيره "
        "خالد العبيدي، وعقد اجتماعا مع رئيس مجلس النواب سليم الجبوري."
    )
    names = [("اشتون كارتر", "PER"), ("كارتر", "PER"), ("مسعود بارزاني", "PER"), ("العراق", "LOC")]
    names += [("بغداد", "LOC"), ("حيدر العبادي", "PER"), ("خالد العبيدي", "PER"), ("سليم الجبوري", "PER")]
    events = events_of(text, names)
    assert all(e.participants[0] == "اشتون كارتر" for e in events if e.type == "visit")
    meetings = [e.participants for e in events if e.type == "meeting"]
    assert ["اشتون كارتر", "حيدر العبادي", "خالد العبيدي"] in meetings
    assert any("سليم الجبوري" in m and "خالد العبيدي" not in m for m in meetings)


def test_meetings_to_come_take_the_place_written_after_their_party():
    text = (
        "وأوضح المصدر في العاصمة القطرية الدوحة أن الملف السوري سوف يكون على الطاولة مجددا في لقاءات "
        "عادل الجبير مع سيرغي لافروف في روسيا."
    )
    names = [("عادل الجبير", "PER"), ("سيرغي لافروف", "PER"), ("الدوحة", "LOC"), ("روسيا", "LOC")]
    (meeting,) = events_of(text, names)
    assert (meeting.location, meeting.status) == ("روسيا", "planned")


def test_what_was_declared_counted_bodies_and_a_documents_own_verb_issue_no_statement_of_others():
    text = (
        "أعلنت تونس في بيان، الجمعة، إن حالة الطوارئ التي أعلنت في الرابع من يوليو تم تمديدها لشهرين. "
        "وحذرت ثماني منظمات حقوقية دولية في بيان مشترك من قانون الإرهاب الذي صادق عليه البرلمان التونسي. "
        "وأصدرت البورصة في وقت لاحق بيانا أكد صحة الأرقام التي ذكرها المسؤول لوكالة رويترز."
    )
    names = [("تونس", "LOC"), ("البرلمان التونسي", "ORG"), ("رويترز", "ORG")]
    statements = [e for e in events_of(text, names) if e.type == "statement"]
    assert [s.participants for s in statements] == [["تونس"]]


def test_a_body_after_its_indefinite_head_noun_issues_the_statement():
    text = "أعلن نادي يوفنتوس حامل لقب الدوري الإيطالي عن منح نجم خط وسطه الفرنسي بول بوجبا القميص رقم 10."
    (statement,) = events_of(text, [("يوفنتوس", "ORG"), ("بول بوجبا", "PER")])
    assert statement.participants == ["يوفنتوس"]


def test_what_a_caller_did_in_the_call_names_no_party():
    text = (
        "تلقى الأمير محمد بن نايف اتصالاً هاتفياً امس من الشيخ محمد الخالد الصباح وزير الداخلية "
        "بدولة الكويت أدان فيه التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ بمنطقة عسير."
    )
    names = [("محمد بن نايف", "PER"), ("محمد الخالد الصباح", "PER"), ("الكويت", "LOC"),
             ("قوات الطوارئ", "ORG"), ("عسير", "LOC")]  # fmt: skip
    [call] = [e for e in events_of(text, names) if e.type == "call"]
    assert "قوات الطوارئ" not in call.participants
    assert {"محمد بن نايف", "محمد الخالد الصباح"} <= set(call.participants)


def test_an_adverb_of_time_after_the_verb_leaves_the_issuer_before_it():
    text = (
        "وكانت مؤسسة «ألف اختراع واختراع» البريطانية أعلنت سابقا عن إنتاج فيلم قصير حول حياة "
        "ابن الهيثم، ويلعب فيه الراحل عمر الشريف دور الراوي."
    )
    names = [("ألف اختراع", "ORG"), ("ابن الهيثم", "PER"), ("عمر الشريف", "PER")]
    statements = [e.participants for e in events_of(text, names) if e.type == "statement"]
    assert statements and all("ابن الهيثم" not in parties for parties in statements)


def test_a_plane_arriving_after_a_formula_and_an_ordinal_is_no_visit():
    text = (
        "وأمر الأمير محمد بن سلمان ولي ولي العهد بتأمين طائرات شحن لتسيير جسر جوي لنقل المساعدات من "
        "مستودعات مركز الملك سلمان بمحافظة شرورة إلى محافظة عدن في اليمن , "
        "وصلت -بحفظ الله ـ اليوم ثاني طائرة إلى مطار عدن الدولي."
    )
    names = [("محمد بن سلمان", "PER"), ("عدن", "LOC"), ("اليمن", "LOC"), ("شرورة", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "visit"] == []


def test_officials_receiving_a_plane_hold_no_meeting():
    text = (
        "واستقبل الطائرة عند وصولها، مدير عام عمليات المطارات الداخلية، عبدالباسط السلفي، "
        "ومدير عام المطار، حامد الغريبي، ومدراء الإدارات الحكومية بالمطار."
    )
    names = [("عبدالباسط السلفي", "PER"), ("حامد الغريبي", "PER")]
    assert [e for e in events_of(text, names) if e.type == "meeting"] == []


def test_receiving_a_martyrs_body_is_no_meeting():
    text = "استقبل وكيل محافظة بارق عائض بن عبده، جثمان شهيد الوطن العريف أحمد جعفر المجيشي في مطار المحافظة."
    names = [("عائض بن عبده", "PER"), ("أحمد جعفر المجيشي", "PER"), ("بارق", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "meeting"] == []


def test_what_an_agreement_provides_for_names_no_party():
    text = (
        "وقعت شركة صدارة للكيميائيات اتفاقية مع شركة إبراهيم الجفالي وإخوانه، تقضي بتوريد "
        "ميثيلين داي فينيل إلى مجمع بلاسكيم في الجبيل."
    )
    names = [("صدارة", "ORG"), ("إبراهيم الجفالي", "PER"), ("ميثيلين داي فينيل", "PER"), ("الجبيل", "LOC")]
    [agreement] = [e for e in events_of(text, names) if e.type == "agreement"]
    assert "ميثيلين داي فينيل" not in agreement.participants


def test_a_speaker_with_titles_in_apposition_speaking_by_phone_to_a_paper_makes_no_call():
    text = (
        "في حين بيّن مفتي عام المملكة خلال تصريحاته لـ«الشرق الأوسط» أن أفعال تلك الجماعات تستند إلى "
        "فكر «الخوارج» الذي لا يقره الشرع الإسلامي.\n"
        "وقال الشيخ عبد العزيز آل الشيخ، مفتي عام السعودية، رئيس هيئة كبار العلماء، رئيس اللجنة "
        "الدائمة للبحوث العلمية والإفتاء، خلال اتصال هاتفي أمس مع «الشرق الأوسط» إن الجماعات المتطرفة "
        "أمثال «داعش» يتخذون الدين ستارا."
    )
    names = [("عبد العزيز آل الشيخ", "PER"), ("هيئة كبار العلماء", "ORG"), ("الشرق الأوسط", "ORG"),
             ("الخوارج", "ORG")]  # fmt: skip
    assert [e for e in events_of(text, names) if e.type == "call"] == []


def test_his_meeting_after_a_visit_noun_is_the_visitors():
    text = (
        "أعرب وزير الإعلام الأردني الدكتور محمد المومني عن ترحيب بلاده بزيارة الأمير محمد بن سلمان "
        "ولي ولي العهد وزير الدفاع ولقائه بالملك عبدالله الثاني."
    )
    names = [("محمد المومني", "PER"), ("محمد بن سلمان", "PER"), ("عبدالله الثاني", "PER")]
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert set(meeting.participants) == {"محمد بن سلمان", "عبدالله الثاني"}


def test_a_visitor_named_right_after_the_visit_noun_keeps_it_from_a_title_after_his_name():
    text = (
        "ورأس الجلسة نائب خادم الحرمين الشريفين الأمير محمد بن نايف. واستمع المجلس إلى نتائج زيارة "
        "الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع إلى مصر."
    )
    names = [("محمد بن نايف", "PER"), ("محمد بن سلمان", "PER"), ("مصر", "LOC")]
    [visit] = [e for e in events_of(text, names) if e.type == "visit"]
    assert visit.participants[0] == "محمد بن سلمان"
    honoured = text.replace("زيارة الأمير محمد بن سلمان", "زيارة صاحب السمو الملكي الأمير محمد بن سلمان")
    [visit] = [e for e in events_of(honoured, names) if e.type == "visit"]
    assert visit.participants[0] == "محمد بن سلمان"


def test_the_pilgrims_visit_of_hajj_and_umrah_is_no_visit():
    text = (
        "جاء ذلك في خطابات تلقاها الأمين العام لبرنامج ضيوف خادم الحرمين الشريفين للحج والعمرة والزيارة "
        "عبدالله المدلج من علماء الهند في بنارس."
    )
    names = [("عبدالله المدلج", "PER"), ("الهند", "LOC"), ("بنارس", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "visit"] == []


def test_a_meeting_verb_after_when_is_the_main_subjects_not_the_clause_before_it():
    text = (
        "وأكد جون كيري أمس أنه يعتزم بحث سبل مواجهة تنظيم داعش في سورية والدور الذي يمكن أن تلعبه إيران "
        "عندما يلتقي مع نظيره الروسي سيرجي لافروف في قطر في الأسابيع المقبلة."
    )
    names = [("جون كيري", "PER"), ("إيران", "LOC"), ("سيرجي لافروف", "PER"), ("قطر", "LOC"), ("سورية", "LOC")]
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert set(meeting.participants) == {"جون كيري", "سيرجي لافروف"}


def test_injured_people_arriving_after_a_capital_and_a_number_make_no_visit():
    text = (
        "وصل إلى العاصمة الأردنية عمّان 80 مصابا يمنيا لاستكمال علاجهم جراء أعمال العنف التي مارستها "
        "ميليشيات الحوثي وصالح الانقلابية ضد المدنيين."
    )
    names = [("عمّان", "LOC"), ("صالح الانقلابية", "PER")]
    assert [e for e in events_of(text, names) if e.type == "visit"] == []


def test_a_study_someone_made_whoever_visits_and_refugees_received_are_no_events():
    names = [("مايكل جافين", "PER"), ("بنك باركليز", "ORG"), ("تركيا", "LOC"), ("الصين", "LOC"),
             ("تايلاند", "LOC"), ("المدينة المنورة", "LOC"), ("سلمان بن عبدالعزيز", "PER")]  # fmt: skip
    study = "لكن بحثا أجراه مايكل جافين، من بنك باركليز، يشير إلى أن ذلك قد يكون أمرا جيدا."
    refugees = "كما استقبلت تركيا آنذاك قرابة 170 من اللاجئين الأويغور الذين هربوا من الصين مرورا بتايلاند."
    whoever = (
        "واختتم تصريحاته بالقول: إن من يزور المدينة المنورة هذه الأيام يدرك الحركة التنموية الكبرى التي "
        "تشهدها، مثمنا دعم الملك سلمان بن عبدالعزيز."
    )
    for text in (study, refugees, whoever):
        assert [e for e in events_of(text, names) if e.type in ("meeting", "visit")] == []


def test_talks_someone_held_are_still_a_meeting():
    text = "وجاء هذا بعد محادثات أجراها الجبير مع نظيره الروسي سيرغي لافروف في موسكو."
    names = [("الجبير", "PER"), ("سيرغي لافروف", "PER"), ("موسكو", "LOC")]
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert set(meeting.participants) >= {"الجبير", "سيرغي لافروف"}


def test_clinics_receiving_cases_hold_no_meeting():
    text = (
        "إنفاذا لتوجيهات الملك سلمان بن عبدالعزيز، والأمير محمد بن نايف بتقديم المساعدات للأشقاء السوريين، "
        "واصلت العيادات التخصصية التابعة للحملة استقبال المراجعين حيث استقبلت نحو 1600 حالة مرضية خلال "
        "أسبوع في مخيم الزعتري."
    )
    names = [("سلمان بن عبدالعزيز", "PER"), ("محمد بن نايف", "PER"), ("مخيم الزعتري", "LOC")]
    assert [e for e in events_of(text, names) if e.type == "meeting"] == []


def test_a_family_received_is_not_the_relative_it_is_named_after():
    text = (
        "كما استقبل أمير منطقة عسير الأمير فيصل بن خالد في مكتبه بالإمارة أمس أسرة شيخ قبائل أكلب ورئيس "
        "مركز الثنية الشيخ سعيد عبدالله آل عطيان الذي وافته المنية الأربعاء الماضي."
    )
    names = [("فيصل بن خالد", "PER"), ("سعيد عبدالله آل عطيان", "PER"), ("عسير", "LOC")]
    assert [e for e in events_of(text, names) if "سعيد عبدالله آل عطيان" in e.participants] == []
    joined = "استقبل الأمير فيصل بن خالد أسرة الشهيد محمد العسيري والأمير تركي بن طلال."
    names = [("فيصل بن خالد", "PER"), ("محمد العسيري", "PER"), ("تركي بن طلال", "PER")]
    [meeting] = [e for e in events_of(joined, names) if e.type == "meeting"]
    assert "تركي بن طلال" in meeting.participants and "محمد العسيري" not in meeting.participants


def test_talks_between_named_sides_take_no_party_from_the_reporting_agency():
    text = (
        "ومن جانبها، قالت وكالة الأنباء الكويتية إن جلسة المباحثات بين وزير الخارجية الكويتي وظريف "
        "تناولت بحث العلاقات الثنائية."
    )
    names = [("وكالة الأنباء الكويتية", "ORG"), ("ظريف", "PER")]
    assert [e for e in events_of(text, names) if "وكالة الأنباء الكويتية" in e.participants] == []


def test_a_capital_after_a_word_for_region_is_the_place_not_a_party():
    text = (
        "وكانت الزيارة للمقر بقاعة المحاضرات بالإدارة العامة للتعليم بمنطقة الرياض أمس، وكان في استقباله "
        "د. حمدان بن مانع العمري مساعد مدير شؤون المعلمين."
    )
    names = [("الرياض", "LOC"), ("حمدان بن مانع العمري", "PER")]
    assert [e for e in events_of(text, names) if "الرياض" in e.participants] == []


def test_the_hosts_named_after_his_arrival_are_not_the_visitor():
    text = (
        "وكان في استقبال ولي ولي العهد لدى وصوله المطار الأمير فيصل بن الحسين، ورئيس الديوان الملكي "
        "الهاشمي الدكتور فايز الطراونة، والملحق العسكري السعودي في الأردن العقيد سليمان العسكر، وعدد من "
        "المسؤولين في السفارة السعودية بعمان."
    )
    names = [("فيصل بن الحسين", "PER"), ("فايز الطراونة", "PER"), ("سليمان العسكر", "PER"), ("الأردن", "LOC"),
             ("السعودية", "LOC")]  # fmt: skip
    hosts = {"فايز الطراونة", "فيصل بن الحسين"}
    assert [e for e in events_of(text, names) if e.type == "visit" and hosts & set(e.participants)] == []


def test_a_visit_in_the_present_after_while_is_going_on_not_planned():
    names = [("اشتون كارتر", "PER"), ("اسرائيل", "LOC")]
    text = "ويأتي التقرير في وقت يزور فيه وزير الدفاع الاميركي اشتون كارتر اسرائيل."
    (visit,) = events_of(text, names)
    assert visit.type == "visit" and visit.status == "happened"
    text = "ويزور وزير الدفاع الاميركي اشتون كارتر اسرائيل."
    (visit,) = events_of(text, names)
    assert visit.status == "planned"


def test_an_attack_whose_likelihood_is_asked_about_is_no_event():
    text = (
        "وكان كيري يرد على سؤال عما إذا كان الاتفاق النووي الذي توصلت إليه القوى العالمية الست مع إيران "
        "الأسبوع الماضي يزيد احتمالات أن تشن إسرائيل هجوما عسكريا على طهران."
    )
    assert events_of(text, [("كيري", "PER"), ("إسرائيل", "LOC"), ("إيران", "LOC"), ("طهران", "LOC")]) == []


def test_a_visit_or_meeting_inside_quoted_words_takes_no_owner_from_outside_them():
    names = [
        ("جربا شيهو", "PER"), ("الكاميرون", "LOC"), ("بوكو حرام", "ORG"), ("محمد بخاري", "PER"),
        ("بول بيا", "PER"), ("فهمي عاديسينا", "PER"),
    ]  # fmt: skip
    text = (
        "يصل الرئيس النيجيري محمد بخاري اليوم إلى الكاميرون لإجراء محادثاته مع نظيره بول بيا حول "
        "التصدي للمتمردين بتنظيم بوكو حرام.\n"
        "وأكد المتحدث باسم الرئاسة النيجيرية فهمي عاديسينا لوكالة الصحافة الفرنسية، أن «الرئيس بخاري "
        "يتوجه إلى الكاميرون (اليوم)، وسيجري محادثات مع الرئيس بول بيا فور وصوله، وأن مسألة (بوكو حرام) "
        "ستكون في صلب محادثاتهما».\n"
        "ومن ناحيته، قال متحدث آخر باسم الرئاسة هو جربا شيهو، إن «الزيارة التي ستستمر يوما واحدا "
        "للكاميرون تهدف إلى بناء تحالف إقليمي قوي لمواجهة (بوكو حرام)»."
    )
    found = events_of(text, names)
    assert ("visit", ["محمد بخاري", "الكاميرون"]) in [(e.type, e.participants) for e in found]
    assert all("جربا شيهو" not in e.participants and "فهمي عاديسينا" not in e.participants for e in found)


def test_a_country_after_its_areas_and_من_is_where_an_attack_fell_not_a_party():
    text = (
        "وفي تعز قصف المتمردون الحوثيون وقوات صالح بشكل عشوائي مدينة تعز، فيما سيطر الجيش على مواقع "
        "في المدينة، بينما قصفت طائرات التحالف مواقع للحوثيين في مناطق مختلفة من اليمن."
    )
    found = events_of(text, [("تعز", "LOC"), ("اليمن", "LOC"), ("قوات صالح", "ORG")])
    assert found and all("اليمن" not in e.participants for e in found)


def test_a_name_before_a_comma_is_not_the_subject_of_a_verb_a_person_follows():
    text = (
        "وبعد ثلاثة أشهر من قيام بروكسل بإبلاغ جازبروم باحتجاجاتها، عقد ألكسندر مدفيديف، المسؤول الثاني "
        "في الشركة، لقاء مع المفوضة مارجريت فيستاجير."
    )
    names = [("بروكسل", "LOC"), ("جازبروم", "ORG"), ("ألكسندر مدفيديف", "PER"), ("مارجريت فيستاجير", "PER")]
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meeting.participants == ["ألكسندر مدفيديف", "مارجريت فيستاجير"]


def test_a_statements_issuer_stands_right_before_in_a_statement():
    text = (
        "وبعد ثلاثة أشهر من قيام بروكسل بإبلاغ الشركة باحتجاجاتها، عقد مسؤول في الشركة لقاء بالمفوضة "
        "وصفته \"جازبروم\" في بيان بأنه بناء."
    )
    events = events_of(text, [("بروكسل", "LOC"), ("جازبروم", "ORG")])
    [statement] = [e for e in events if e.type == "statement"]
    assert statement.participants == ["جازبروم"]


def test_a_players_club_after_his_name_is_not_the_party_he_visits():
    text = (
        "ينتظر أن يصل الغاني مبارك واكسو لاعب روبن كازان الروسي إلى إيطاليا، تمهيدا لإجراء الفحص الطبي. "
        "وشهدت التدريبات مشاركة المدافع فيصل الخراع لأول مرة عقب وصوله أمس الأول."
    )
    names = [("مبارك واكسو", "PER"), ("روبن كازان", "ORG"), ("إيطاليا", "LOC"), ("فيصل الخراع", "PER")]
    [visit] = [e for e in events_of(text, names, "2015-07-20") if e.type == "visit"]
    assert "روبن كازان" not in visit.participants
    assert visit.date_text is None  # "وصوله أمس الأول" is the defender's own arrival


def test_what_a_call_updated_on_and_acts_against_hold_no_parties():
    text = (
        "أطلع الرئيس التركي رجب طيب أردوغان أمس في اتصال هاتفي نظيره الإيراني حسن روحاني على سير العمليات "
        "العسكرية التركية ضد مواقع تنظيمي داعش وحزب العمال الكردستاني في كل من سوريا والعراق، وبحسب "
        "المعلومات الواردة من داخل القصر الرئاسي بالعاصمة أنقرة، فإن الرئيس أبلغ نظيره بموقفه."
    )
    names = [("رجب طيب أردوغان", "PER"), ("حسن روحاني", "PER"), ("داعش", "ORG")]
    names += [("حزب العمال الكردستاني", "ORG"), ("سوريا", "LOC"), ("العراق", "LOC"), ("أنقرة", "LOC")]
    [call] = [e for e in events_of(text, names) if e.type == "call"]
    assert call.participants == ["رجب طيب أردوغان", "حسن روحاني"]


def test_a_title_in_a_clause_before_but_is_no_party():
    text = (
        "وشخصيا قام الامير عبدالله بن مساعد بتحديد يوم في دبي للتوقيع معه ولكن اتى نادي العربي القطري "
        "واتفق مع كارينيو قاطعا الطريق على المنتخب السعودي."
    )
    names = [("عبدالله بن مساعد", "PER"), ("دبي", "LOC"), ("العربي", "ORG"), ("كارينيو", "PER")]
    [agreement] = [e for e in events_of(text, names) if e.type == "agreement"]
    assert "عبدالله بن مساعد" not in agreement.participants
    assert set(agreement.participants) == {"العربي", "كارينيو"}


def test_the_president_an_office_serves_is_no_party_of_its_directors_meeting():
    text = (
        "وهو نفس الطلب الذي تقدم به عبد الرزاق مقري، رئيس حركة مجتمع السلم، عندما التقى مؤخرا أحمد أويحيى "
        "وزير الدولة ومدير مكتب الرئيس بوتفليقة."
    )
    names = [("عبد الرزاق مقري", "PER"), ("أحمد أويحيى", "PER"), ("بوتفليقة", "PER")]
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert "بوتفليقة" not in meeting.participants


def test_an_ordinal_day_with_its_year_is_that_years_day_and_a_past_meeting():
    [mention] = find_dates("وفي الخامس من أغسطس 1990 التقى", date(2015, 7, 30))
    assert (mention.text, mention.date) == ("الخامس من أغسطس 1990", "1990-08-05")
    [mention] = find_dates("يوم الثاني من أغسطس عام 1990", date(2015, 7, 30))
    assert mention.date == "1990-08-02"
    assert not find_dates("الدولة الفلسطينية على حدود الرابع من يونيو 1967", date(2015, 7, 30))
    text = (
        "وفي الخامس من أغسطس 1990 التقى الأمير الراحل الشيخ جابر الأحمد الصباح بالملك فهد بن عبدالعزيز "
        "في جدة وبحثا في أسلوب التحرك."
    )
    names = [("جابر الأحمد الصباح", "PER"), ("فهد بن عبدالعزيز", "PER"), ("جدة", "LOC")]
    [meeting] = [e for e in events_of(text, names, "2015-07-30") if e.type == "meeting"]
    assert (meeting.date, meeting.status) == ("1990-08-05", "happened")


def test_a_competition_is_no_party_of_a_meeting_about_it():
    text = (
        "يعقد الاتحاد السعودي لكرة القدم ظهر اليوم اجتماعاً تنسيقياً برئاسة أمين عام الاتحاد أحمد الخميس "
        "مع الجهات التنظيمية ذات العلاقة بمباراة كأس السوبر بين الهلال والنصر في لندن."
    )
    names = [("الاتحاد السعودي لكرة القدم", "ORG"), ("أحمد الخميس", "PER"), ("السوبر", "ORG")]
    names.append(("لندن", "LOC"))
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert "السوبر" not in meeting.participants


def test_a_family_name_spelt_like_met_is_no_meeting():
    text = "وقال مدير مركز الشرق للبحوث سمير التقي لـ«الشرق الأوسط» إن هناك تنسيقا غير مباشر مع سوريا."
    assert not events_of(text, [("سمير", "PER"), ("سوريا", "LOC")])
    met = "وقال المتحدث إن سمير التقى وليد المعلم في دمشق أمس."
    names = [("سمير", "PER"), ("وليد المعلم", "PER"), ("دمشق", "LOC")]
    assert [e.type for e in events_of(met, names)] == ["meeting"]


def test_every_title_in_a_clause_is_a_party_and_attendees_join_no_new_meeting():
    text = (
        "عقد الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع اجتماعاً ثنائياً مع وزير الدفاع الأميركي "
        "اشتون كارتر.\n"
        "عقب ذلك، عقد الأمير محمد بن سلمان ووزير الدفاع الأميركي اجتماعاً موسعاً بحثا خلاله أوجه التعاون.\n"
        "وحضر الاجتماع مساعد وزير الدفاع محمد العايش، ورئيس هيئة الأركان العامة عبدالرحمن البنيان."
    )
    names = [("محمد بن سلمان", "PER"), ("اشتون كارتر", "PER"), ("محمد العايش", "PER")]
    names.append(("عبدالرحمن البنيان", "PER"))
    meetings = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meetings and all(set(m.participants) == {"محمد بن سلمان", "اشتون كارتر"} for m in meetings)


def test_a_command_with_no_name_issues_the_statement_not_the_soldier_it_mourns():
    text = (
        "أعلنت قيادة القوات المشتركة في بيان لها اليوم استشهاد الرقيب ماجد بن فهد السبيعي بعد اصابته "
        "بمقذوف في قطاع نجران."
    )
    events = events_of(text, [("ماجد بن فهد السبيعي", "PER"), ("نجران", "LOC")])
    assert all("ماجد بن فهد السبيعي" not in e.participants for e in events)


def test_last_and_next_after_a_day_and_month_choose_its_year():
    july_30 = date(2015, 7, 30)
    assert find_dates("في الخامس من أغسطس الماضي", july_30)[0].date == "2014-08-05"
    assert find_dates("في 5 أغسطس الماضي", july_30)[0].date == "2014-08-05"
    assert find_dates("في الخامس من أغسطس", july_30)[0].date == "2015-08-05"  # near, so to come
    assert find_dates("في الخامس من يونيو المقبل", july_30)[0].date == "2016-06-05"


def test_during_the_visit_does_not_end_the_meeting_verbs_clause():
    text = (
        "وصل الشيخ محمد بن زايد، الخميس، إلى موسكو في زيارة لروسيا.\n"
        "ويلتقي محمد بن زايد خلال الزيارة الرئيس الروسي فلاديمير بوتن لبحث تعزيز العلاقات."
    )
    names = [("محمد بن زايد", "PER"), ("فلاديمير بوتن", "PER"), ("موسكو", "LOC"), ("روسيا", "LOC")]
    [meeting] = [e for e in events_of(text, names, "2018-05-31") if e.type == "meeting"]
    assert set(meeting.participants) == {"محمد بن زايد", "فلاديمير بوتن"} and meeting.status == "planned"


def test_a_companys_founder_meets_for_himself_not_for_his_company():
    text = "مؤسس مجموعة علي بابا الصينية، جاك ما، يلتقي رئيس الوزراء بنيامين نتنياهو في القدس."
    names = [("علي بابا", "ORG"), ("جاك ما", "PER"), ("القدس", "LOC"), ("بنيامين نتنياهو", "PER")]
    [meeting] = [e for e in events_of(text, names) if e.type == "meeting"]
    assert meeting.participants == ["جاك ما", "بنيامين نتنياهو"]


def test_an_expected_meeting_is_planned_but_an_expected_attack_is_none():
    text = "وقال الرئيس الأميركي دونالد ترامب إنه يتوقع لقاء الزعيم الكوري الشمالي كيم جونغ أون في مايو."
    names = [("دونالد ترامب", "PER"), ("كيم جونغ أون", "PER")]
    [meeting] = events_of(text, names, "2018-04-27")
    assert set(meeting.participants) == {"دونالد ترامب", "كيم جونغ أون"} and meeting.status == "planned"
    attack = "وقال الجيش إنه يتوقع هجوما لتنظيم داعش على مدينة الرمادي."
    assert not [e for e in events_of(attack, [("داعش", "ORG"), ("الرمادي", "LOC")]) if e.type == "attack"]


def test_a_statement_takes_no_date_to_come_from_what_it_reports():
    text = (
        'وقالت المتحدثة سارة ساندرز في مؤتمر صحفي إن "الرئيس يتطلع إلى الزيارة التي سيلتقي خلالها '
        'رئيسة الوزراء في 13 يوليو".'
    )
    names = [("سارة ساندرز", "PER")]
    [statement] = [e for e in events_of(text, names, "2018-07-09") if e.type == "statement"]
    assert statement.status == "happened" and statement.date is None
    today = "وقال الجيش التركي في بيان إن مسلحين قتلوا ثلاثة جنود اليوم الخميس."
    found = events_of(today, [("الجيش التركي", "ORG")], "2015-07-30")
    [statement] = [e for e in found if e.type == "statement"]
    assert statement.date == "2015-07-30"  # a day already come is kept


def test_a_topic_after_the_partner_holds_no_parties_and_a_counterpart_stays_one():
    text = (
        "وسيبحث الرئيس دونالد ترامب مع تيريزا ماي إمكانية عقد اتفاقات تجارة حرة بين الولايات المتحدة "
        "والمملكة المتحدة."
    )
    names = [("دونالد ترامب", "PER"), ("تيريزا ماي", "PER"), ("الولايات المتحدة", "LOC")]
    names.append(("المملكة المتحدة", "LOC"))
    [meeting] = events_of(text, names, "2018-07-09")
    assert meeting.participants == ["دونالد ترامب", "تيريزا ماي"]
    text = "وبحث وزير الخارجية عادل الجبير العلاقات الثنائية مع نظيره الفرنسي لوران فابيوس."
    [meeting] = events_of(text, [("عادل الجبير", "PER"), ("لوران فابيوس", "PER")])
    assert meeting.participants == ["عادل الجبير", "لوران فابيوس"]


def test_a_trip_to_a_kind_of_place_names_where_the_meeting_is():
    text = (
        "وسيجري ترامب الجمعة محادثات مع ماي في تشيكرز، كما سيتوجه إلى قصر وندسور للقاء الملكة "
        "إليزابيث الثانية."
    )
    names = [("ترامب", "PER"), ("ماي", "PER"), ("تشيكرز", "LOC"), ("وندسور", "LOC")]
    names.append(("إليزابيث الثانية", "PER"))
    meetings = {tuple(e.participants): e.location for e in events_of(text, names, "2018-07-09")}
    assert meetings[("ترامب", "إليزابيث الثانية")] == "وندسور"


def test_a_day_before_an_agreement_to_meet_is_the_agreements():
    text = "توصلت الكوريتان الثلاثاء إلى اتفاق على عقد قمة بين الرئيس مون جاي والزعيم كيم جونغ أون."
    names = [("مون جاي", "PER"), ("كيم جونغ أون", "PER")]
    [meeting] = events_of(text, names, "2018-03-06")
    assert meeting.status == "planned" and meeting.date is None


def test_wakan_after_a_comma_opens_another_clause():
    text = (
        "وهذه هي الزيارة الثانية للأمير محمد بن سلمان إلى الكويت بعد أن زارها في مايو من عام 2015، "
        "وكان باستقباله أمير الكويت الشيخ صباح الأحمد الصباح."
    )
    names = [("محمد بن سلمان", "PER"), ("الكويت", "LOC"), ("صباح الأحمد الصباح", "PER")]
    visits = [e for e in events_of(text, names, "2018-09-30") if e.type == "visit"]
    assert all(e.participants[0] != "صباح الأحمد الصباح" for e in visits)


def test_an_event_dated_after_the_article_is_planned_however_it_was_first_named():
    text = (
        "وأجرى الرئيسان محادثات لضمان بقاء القمة بين كوريا الشمالية والولايات المتحدة على المسار المخطط له.\n"
        "وقال مكتب الرئاسة إن الزعيمين سيعملان من أجل نجاح القمة بين كوريا الشمالية والولايات المتحدة، "
        "المقررة في 12 يونيو."
    )
    names = [("كوريا الشمالية", "LOC"), ("الولايات المتحدة", "LOC")]
    [summit] = [e for e in events_of(text, names, "2018-05-22") if e.type == "meeting"]
    assert summit.date == "2018-06-12" and summit.status == "planned"


def test_a_bodys_own_summit_is_not_held_by_whoever_tells_of_it():
    text = "قال الرئيس دونالد ترامب إن لقاءه مع بوتين قد يكون أسهل من قمة حلف شمال الأطلسي التي ستعقد قبله."
    names = [("دونالد ترامب", "PER"), ("بوتين", "PER"), ("حلف شمال الأطلسي", "ORG")]
    meetings = [e.participants for e in events_of(text, names, "2018-07-10") if e.type == "meeting"]
    assert meetings == [["دونالد ترامب", "بوتين"]]
    text = "وقدم أليكسيس تسيبراس اقتراحه في قمة الاتحاد الأوروبي في بروكسل."  # who attends it, not telling
    names = [("أليكسيس تسيبراس", "PER"), ("الاتحاد الأوروبي", "ORG"), ("بروكسل", "LOC")]
    [summit] = events_of(text, names, "2015-07-13")
    assert summit.participants == ["أليكسيس تسيبراس", "الاتحاد الأوروبي"]


def test_a_newspaper_that_holds_a_meeting_with_someone_interviews_him():
    text = "وأجرت صحيفة سونتاجز بليك لقاء مطولا مع المدرب كريستيان جروس في جدة."
    assert events_of(text, [("سونتاجز بليك", "ORG"), ("كريستيان جروس", "PER"), ("جدة", "LOC")]) == []
    text = "وأجرى الرئيس ماكرون لقاء مطولا مع المستشارة أنجيلا ميركل في برلين."
    [meeting] = events_of(text, [("ماكرون", "PER"), ("أنجيلا ميركل", "PER"), ("برلين", "LOC")])
    assert meeting.participants == ["ماكرون", "أنجيلا ميركل"]


def test_clubs_named_with_their_countrys_adjective_play_a_match_on_a_sports_page():
    text = "ويلتقي أستانا الكازاخستاني مع أبويل نيقوسيا القبرصي وسكيندربو الألباني مع دينامو زغرب الكرواتي."
    names = [("أستانا", "PER"), ("أبويل نيقوسيا", "LOC"), ("سكيندربو الألباني", "PER")]
    names.append(("دينامو زغرب", "ORG"))
    entities = resolve(text, mentions_in(text, names))
    assert find_events(text, entities, sports=True) == []
    assert [e.type for e in find_events(text, entities)] == ["meeting"]  # read as people elsewhere


def test_watamma_after_a_comma_opens_another_clause():
    text = (
        "عقد مجلس إدارة مؤسسة اليمامة الصحفية أمس اجتماعاً برئاسة الدكتور رضا عبيد، وتم خلال الاجتماع "
        "قبول استقالة الأستاذ تركي السديري وترشيح الأستاذ راشد الراشد."
    )
    names = [("مؤسسة اليمامة الصحفية", "ORG"), ("رضا عبيد", "PER"), ("تركي السديري", "PER")]
    names.append(("راشد الراشد", "PER"))
    [meeting] = events_of(text, names, "2015-08-01")
    assert meeting.participants == ["مؤسسة اليمامة الصحفية", "رضا عبيد"]


def test_a_place_put_first_with_wa_fi_is_where_not_who():
    text = "وفي مصر سيلتقي كيري اليوم الأحد مع نظيره المصري سامح شكري في حوار استراتيجي."
    [meeting] = events_of(text, [("مصر", "LOC"), ("كيري", "PER"), ("سامح شكري", "PER")], "2015-08-02")
    assert meeting.participants == ["كيري", "سامح شكري"]
    assert meeting.location == "مصر"


def test_where_takes_up_the_place_before_it_and_a_relative_clause_keeps_its_date():
    text = (
        "ومن مصر سينتقل كيري الاثنين إلى الدوحة حيث سيلتقي نظراءه في دول مجلس التعاون الخليجي "
        "لتهدئة مخاوفهم الناتجة عن الاتفاق النووي الذي أبرمته الدول الكبرى مع إيران في 14 يوليو في فيينا."
    )
    names = [("مصر", "LOC"), ("كيري", "PER"), ("الدوحة", "LOC"), ("مجلس التعاون الخليجي", "ORG")]
    names += [("إيران", "LOC"), ("فيينا", "LOC")]
    [meeting] = events_of(text, names, "2015-08-02")
    assert meeting.participants == ["كيري", "مجلس التعاون الخليجي"]
    assert (meeting.location, meeting.date) == ("الدوحة", "2015-08-03")


def test_a_kings_ordinal_in_another_title_does_not_name_the_king():
    text = (
        "وأخيه جلالة الملك عبدالله الثاني، فقد قام الأمير محمد بن سلمان ولي ولي العهد النائب الثاني "
        "لرئيس مجلس الوزراء بزيارة إلى المملكة الأردنية الهاشمية يوم الثلاثاء."
    )
    names = [("محمد بن سلمان", "PER"), ("المملكة الأردنية الهاشمية", "LOC"), ("عبدالله الثاني", "PER")]
    [visit] = events_of(text, names, "2015-08-06")
    assert visit.participants[0] == "محمد بن سلمان"


def test_a_relative_clause_with_wa_is_no_part_of_the_talks():
    text = (
        "كما تم عقد مباحثات ثنائية وموسعة، ركزت على علاقات التعاون بين البلدين، والتي كانت وجهات نظر "
        "الملك سلمان وأخيه الملك عبدالله الثاني متطابقة حيالها."
    )
    assert events_of(text, [("سلمان", "PER"), ("عبدالله الثاني", "PER")], "2015-08-06") == []


def test_a_verbs_own_subject_before_a_partner_word_is_joined_by_no_one_else():
    text = (
        "يذكر أن رئيس مجلس إدارة نادي الفتح أحمد الراشد وصل إلى تونس وبرفقته عضو الشرف راشد بن عبد "
        "المنعم الراشد، حيث حضرا الحصة التدريبية، واجتمع الراشد بلاعبي الفريق قبيل انطلاق الحصة."
    )
    names = [("أحمد الراشد", "PER"), ("تونس", "LOC"), ("راشد بن عبد المنعم الراشد", "PER"), ("الراشد", "PER")]
    assert [e.type for e in events_of(text, names, "2015-07-23")] == ["visit"]


def test_comrades_a_border_and_a_relative_clause_name_no_party():
    text = (
        "وحطت طائرة كارتر في قاعدة جوية شمال الأردن قرب الحدود مع سوريا، حيث التقى عددا من رفاق "
        "الطيار الأردني معاذ الكساسبة الذي قتله تنظيم داعش حرقا مطلع العام."
    )
    names = [("كارتر", "PER"), ("الأردن", "LOC"), ("سوريا", "LOC"), ("معاذ الكساسبة", "PER"), ("داعش", "ORG")]
    assert events_of(text, names, "2015-07-22") == []
    text = "وحطت طائرة كارتر قرب الحدود مع سوريا، حيث التقى الملك عبدالله الذي استقبله في القاعدة."
    [meeting] = events_of(text, [("كارتر", "PER"), ("سوريا", "LOC"), ("عبدالله", "PER")], "2015-07-22")
    assert meeting.participants == ["كارتر", "عبدالله"] and meeting.location is None


def test_what_is_planned_after_a_comma_is_another_clause():
    text = "والتقى كارتر كذلك عددا من الجنود المتمركزين هناك، ومن المقرر أن يغادر كارتر الأردن اليوم."
    assert events_of(text, [("كارتر", "PER"), ("الأردن", "LOC")], "2015-07-22") == []


def test_a_visit_during_which_a_meeting_is_held_is_the_holders():
    text = (
        "وقالت وزارة الخارجية الروسية إن لافروف سيعقد اجتماعا ثلاثيا مع نظيريه الأمريكي جون كيري "
        "والسعودي عادل الجبير خلال زيارة عمل لقطر يومي الثاني والثالث من أغسطس."
    )
    names = [("لافروف", "PER"), ("جون كيري", "PER"), ("عادل الجبير", "PER"), ("قطر", "LOC")]
    visit = next(e for e in events_of(text, names, "2015-08-01") if e.type == "visit")
    assert visit.participants[0] == "لافروف"


def test_holding_meetings_in_the_plural_has_its_subject():
    text = "وأضافت أن لافروف سيعقد اجتماعات أيضا مع أمير قطر الشيخ تميم بن حمد ووزير الخارجية خالد العطية."
    names = [("لافروف", "PER"), ("قطر", "LOC"), ("تميم بن حمد", "PER"), ("خالد العطية", "PER")]
    [meeting] = events_of(text, names, "2015-08-01")
    assert meeting.participants[0] == "لافروف"


def test_whoever_reports_a_truce_takes_no_part_in_it():
    text = (
        "وتأتي هذه التطورات بحسب سكاي نيوز في وقت أعلنت قيادة قوات التحالف بدء هدنة إنسانية في "
        "اليمن، بناء على طلب من الرئيس اليمني عبد ربه منصور هادي."
    )
    names = [("سكاي نيوز", "ORG"), ("اليمن", "LOC"), ("عبد ربه منصور هادي", "PER")]
    assert all("سكاي نيوز" not in e.participants for e in events_of(text, names, "2015-07-26"))


def test_a_meeting_held_after_a_long_title_chain_has_its_holder_and_guest_only():
    text = (
        "عقد الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع السعودي "
        "في مكتبه بجدة أمس اجتماعًا ثنائيًا مع آشتون كارتر وزير الدفاع الأميركي.\n"
        "وحضره من الجانب الأميركي إريك روزينباخ رئيس الأركان بمكتب وزير الدفاع، ورونالد لويس كبير "
        "المساعدين، وأندرو اكسوم نائب مساعد وزير الدفاع."
    )
    names = [("محمد بن سلمان", "PER"), ("جدة", "LOC"), ("آشتون كارتر", "PER"), ("إريك روزينباخ", "PER")]
    names += [("رونالد لويس", "PER"), ("أندرو اكسوم", "PER")]
    meeting = next(e for e in events_of(text, names, "2015-07-23") if e.type == "meeting")
    assert meeting.participants[:2] == ["محمد بن سلمان", "آشتون كارتر"] and meeting.location == "جدة"
    assert "رونالد لويس" not in meeting.participants


def test_research_in_the_frame_of_is_no_talks():
    text = "والذي كان يرتديه الأسد في أطار بحث يتعلق بالحياة الفطرية بتمويل من جامعة أكسفورد."
    assert events_of(text, [("الأسد", "PER"), ("جامعة أكسفورد", "ORG")]) == []


def test_a_country_in_the_title_after_a_hosts_name_is_no_party():
    text = "استقبل الشيخ تميم بن حمد آل ثاني أمير دولة قطر، في مكتبه بالديوان الأميري اليوم، جون كيري."
    names = [("تميم بن حمد آل ثاني", "PER"), ("قطر", "LOC"), ("جون كيري", "PER")]
    [meeting] = events_of(text, names, "2015-08-03")
    assert meeting.participants == ["تميم بن حمد آل ثاني", "جون كيري"]


def test_during_his_reception_of_someone_he_hosts_a_meeting():
    text = (
        "وكان وزير النفط الايراني زنكنه اعلن خلال استقباله وزير الخارجية الفرنسي لوران فابيوس "
        "الاسبوع الماضي ان مرحلة جديدة من التعاون ستبدأ."
    )
    found = events_of(text, [("زنكنه", "PER"), ("لوران فابيوس", "PER")])
    meeting = next(e for e in found if e.type == "meeting")
    assert meeting.participants == ["زنكنه", "لوران فابيوس"]
    text = "والمستفيد يتابع طلبه من خلال استقباله لرسائل الجوال أو زيارة بوابة الأمانة."
    assert events_of(text, []) == []


def test_a_capital_named_by_its_countrys_adjective_is_where_an_attack_struck():
    text = (
        "في وقت أعلن الرئيس الأميركي باراك أوباما أن قوة حركة الشباب تراجعت في شرق أفريقيا، قتل أمس "
        "ستة على الأقل في هجوم انتحاري بسيارة ملغومة على فندق في العاصمة الصومالية."
    )
    names = [("باراك أوباما", "PER"), ("حركة الشباب", "ORG"), ("أفريقيا", "LOC")]
    attack = next(e for e in events_of(text, names, "2015-07-27") if e.type == "attack")
    assert attack.location == "مقديشو"


def test_his_team_meeting_a_club_on_a_sports_page_is_a_match():
    text = "وقال بنيتيز في ملبورن حيث سيلتقي فريقه مع مانشستر يونايتد وديا في نهائي كأس الأبطال."
    names = [("بنيتيز", "PER"), ("ملبورن", "LOC"), ("مانشستر يونايتد", "ORG")]
    assert find_events(text, resolve(text, mentions_in(text, names)), sports=True) == []


def test_an_operation_of_simulation_or_rescue_is_no_attack():
    text = "نفذ علماء فضاء عملية محاكاة للسير على سطح المريخ في النمسا."
    assert events_of(text, [("النمسا", "LOC")]) == []
    strike = "ونفذ الجيش عملية عسكرية في جبال النمسا أمس."
    assert [e.type for e in events_of(strike, [("النمسا", "LOC")])] == ["attack"]


def test_a_visitor_in_a_phrase_of_time_put_first_is_no_party_of_the_verb_after_it():
    text = (
        "وأثناء زيارة للرئيس الصيني شي جين بينغ وقعت المالديف اتفاقا مع الصين لتطوير مطارها الدولي."
    )
    names = [("شي جين بينغ", "PER"), ("المالديف", "LOC"), ("الصين", "LOC")]
    agreements = [e.participants for e in events_of(text, names) if e.type == "agreement"]
    assert agreements == [["المالديف", "الصين"]]


def test_a_visitor_after_a_phrase_of_time_still_visits_the_place_after_the_verb():
    text = (
        "جاء ذلك خلال استقبال وزير الخارجية المصري سامح شكري أمس وكيل وزارة الخارجية الأوغندية "
        "جيمس موجومي، والذي يزور مصر تلبية لدعوة من الوزارة."
    )
    names = [("سامح شكري", "PER"), ("جيمس موجومي", "PER"), ("مصر", "LOC")]
    visits = [e for e in events_of(text, names, "2015-08-03") if e.type == "visit"]
    assert [e.participants[0] for e in visits] == ["جيمس موجومي"]


def test_a_visit_goes_to_the_city_after_la_and_a_while_clause_holds_neither_place_nor_party():
    text = (
        "بحث وزير الدفاع الأمريكي أشتون كارتر مع رئيس الوزراء حيدر العبادي خلال زيارة لم يعلن عنها "
        "مسبقا لبغداد أمس تطورات الحملة في وقت يحاول فيه العراق استعادة السيطرة على مدينة الرمادي."
    )
    names = [("أشتون كارتر", "PER"), ("حيدر العبادي", "PER"), ("بغداد", "LOC"), ("العراق", "LOC"),
             ("الرمادي", "LOC")]  # fmt: skip
    places = {e.type: e.location for e in events_of(text, names, "2015-07-24")}
    assert places == {"meeting": "بغداد", "visit": "بغداد"}
    call = (
        "إن الرئيس الأمريكي باراك أوباما ونظيره التركي رجب طيب أردوغان اتفقا أثناء اتصال هاتفي ليل "
        "الأربعاء على العمل معا لوقف تدفق المقاتلين وتأمين حدود تركيا مع سوريا."
    )
    names = [("باراك أوباما", "PER"), ("رجب طيب أردوغان", "PER"), ("تركيا", "LOC"), ("سوريا", "LOC")]
    calls = [e.participants for e in events_of(call, names) if e.type == "call"]
    assert [sorted(p) for p in calls] == [sorted(["باراك أوباما", "رجب طيب أردوغان"])]


def test_who_condemns_a_shelling_did_not_shell_and_a_researchers_university_is_no_party():
    names = [("منظمة هيومن رايتس ووتش", "ORG"), ("اليمن", "LOC"), ("عدن", "LOC"), ("داعش", "ORG"),
             ("الاتحاد الأوروبي", "ORG"), ("حلب", "LOC")]  # fmt: skip
    text = "دانت منظمة هيومن رايتس ووتش، أمس، قصف المتمردين في اليمن لمناطق سكنية في مدينة عدن."
    assert [e.participants for e in events_of(text, names, "2015-07-31") if e.type == "attack"] == [[]]
    named = "وأدان الاتحاد الأوروبي قصف داعش لمدينة حلب."  # the striker named after the noun stays
    assert [e.participants for e in events_of(named, names) if e.type == "attack"] == [["داعش"]]
    research = "بحث روبرت بارو من جامعة هارفارد في البيانات التاريخية ووجد أن عدد الحروب كبير."
    assert events_of(research, [("روبرت بارو", "PER"), ("جامعة هارفارد", "ORG")]) == []
