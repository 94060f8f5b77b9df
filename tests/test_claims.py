"""claims: figures of people and aid with category, hedge, group, part-of and source."""

import pytest

import khabar
from khabar.stages._refs import ref_text as _source


def _extract(text, date="2023-11-05"):
    return khabar.extract(text + "\n", reference_date=date)


def test_claims_part_of_and_attribution_cue():
    doc = _extract("وقتل في القصف 120 فلسطينياً، منهم 40 طفلا و25 سيدة، وأصيب أكثر من 300 آخرين، بحسب مصادر طبية.")
    got = [(c.value, c.category, c.bound) for c in doc.claims]
    assert got == [(120, "killed", None), (40, "killed", None), (25, "killed", None), (300, "injured", "more_than")]
    assert doc.claims[1].part_of == 0 and doc.claims[2].part_of == 0
    assert doc.claims[1].group == "children" and doc.claims[2].group == "women"
    assert all(_source(doc, c.source) == "مصادر طبية" for c in doc.claims)


def test_claims_source_is_the_speaker_of_the_quote_holding_the_figure():
    doc = _extract("وقال مسؤول في الدفاع المدني إن 7 أشخاص لقوا مصرعهم وأصيب 86 آخرون.")
    assert [(c.value, c.category) for c in doc.claims] == [(7, "killed"), (86, "injured")]
    assert all(_source(doc, c.source) == "مسؤول في الدفاع المدني" for c in doc.claims)


def test_claims_unattributed_figure_is_the_articles_own():
    doc = _extract("لقي 20 شخصا حتفهم وأصيب 40 آخرين بجروح في حادث تصادم قطارين.")
    assert [(c.value, c.category, c.source) for c in doc.claims] == [(20, "killed", "article"), (40, "injured", "article")]


def test_claims_hedges_come_from_the_quantities_layer():
    doc = _extract("نزح أكثر من 400 ألف مدني من إدلب، وقتل زهاء 60 مدنيا في الغارات.")
    c1, c2 = doc.claims
    assert (c1.value, c1.category, c1.bound, c1.group) == (400000, "displaced", "more_than", "civilians")
    assert (c2.value, c2.category, c2.approximate) == (60, "killed", True)


def test_claims_aid_trucks_have_their_unit():
    doc = _extract("وقال المتحدث إن 100 شاحنة مساعدات تتحرك الآن إلى القطاع.")
    (c,) = doc.claims
    assert (c.value, c.category, c.unit) == (100, "aid_delivered", "truck")


def test_claims_evidence_slices_the_figure():
    text = "قتل 32 شخصا من الرعاة الرحل السبت وسط مالي."
    doc = _extract(text)
    (c,) = doc.claims
    assert doc.text[c.evidence.start : c.evidence.end].startswith("32")


def test_claims_casualty_word_before_the_figure_wins_over_one_far_after():
    doc = khabar.extract("وأعلنت الشرطة مقتل سبعة أشخاص بينهم امرأة وطفل بتفجير انتحاري بواسطة شاحنة مفخخة في المدينة.\n", reference_date="2018-04-23")
    assert [(c.value, c.category) for c in doc.claims if c.part_of is None] == [(7, "killed")]


def test_claims_dual_nouns_are_figures_of_two():
    doc = _extract("وأسفر الانفجار عن سقوط قتيلين في السوق، كما أصيب طفلين بشظايا.")
    assert [(c.value, c.category) for c in doc.claims] == [(2, "killed"), (2, "injured")]
    assert doc.text[doc.claims[0].evidence.start : doc.claims[0].evidence.end] == "قتيلين"


def test_claims_suspects_arrested_with_the_statement_as_source():
    doc = _extract("واعتقلت الشرطة 14 مشتبها بهم، وفقا للبيان.")
    (c,) = doc.claims
    assert (c.value, c.category) == (14, "arrested")
    assert "بيان" in _source(doc, c.source)


def test_claims_a_source_in_a_dash_aside_is_the_asides_own():
    doc = _extract("وقتل خمسة أشخاص كانوا - بحسب شهود - ينتظرون الحافلة.")
    (c,) = doc.claims
    assert (c.value, c.category, c.source) == (5, "killed", "article")


def test_claims_a_restated_total_takes_the_casualty_word_of_its_sentence():
    doc = _extract("وأعلنت وزارة الصحة مقتل جميع من كانوا في الحافلة من ركاب وسائقين ومرافقين ومجموعهم 23 شخصا.")
    (c,) = doc.claims
    assert (c.value, c.category) == (23, "killed")
    assert "وزارة الصحة" in _source(doc, c.source)


def test_claims_a_deed_before_a_noun_of_status_says_what_happened():
    got = lambda t: [(c.value, c.category) for c in _extract(t).claims]  # noqa: E731
    assert got("وأعلنت الحكومة الإفراج عن 200 معتقل سياسي.") == [(200, "released")]
    assert got("وأفرجت السلطات عن 50 سجينا.") == [(50, "released")]
    assert got("وأطلقت الحركة سراح 13 رهينة.") == [(13, "released")]
    assert got("وقتل 5 معتقلين في السجن.") == [(5, "killed")]
    assert got("وخطف مسلحون 12 رهينة.") == [(12, "hostages")]


def test_claims_reporting_verb_after_the_cue_and_sentences_with_an_adjective():
    doc = _extract("وأصيب 12 فلسطينيا بجروح بحسب ما أوردت وزارة الصحة الفلسطينية.")
    (c,) = doc.claims
    assert _source(doc, c.source) == "وزارة الصحة الفلسطينية"
    assert _extract("وأصدرت المحكمة حكما نهائيا بإعدام ستة أشخاص.").claims == []


def test_claims_hospital_right_after_a_bare_figure_and_adjective_sources():
    doc = _extract("توفي 15 شخصاً على الأقل ونقل أكثر من 12 ألفا إلى المستشفيات بسبب الحر، بحسب أرقام رسمية.")
    assert [(c.value, c.category) for c in doc.claims] == [(15, "killed"), (12000, "injured")]
    assert all(_source(doc, c.source) == "أرقام رسمية" for c in doc.claims)


def test_claims_a_dual_noun_takes_only_a_deed_word_right_before_it():
    assert _extract("وقضت عقوبة بالسجن لصفعها جنديين.").claims == []
    assert [(c.value, c.category) for c in _extract("وأسفر القصف عن مقتل طفلين.").claims] == [(2, "killed")]


def test_claims_killed_and_injured_words_together_and_hospitals_counted():
    assert _extract("وانفجرت سيارة مفخخة ما أسفر عن مقتل وإصابة 10 أشخاص على الأقل.").claims == []
    assert _extract("وأكدت الوزارة إنشاء لثلاث مستشفيات رئيسية و19 مركزا صحيا.").claims == []
    assert _extract("وأفاد التلفزيون أن من المتوقع أن يعبر يوم السبت نحو 1200 لاجئ الحدود.").claims == []


def test_claims_source_phrase_bounds_and_arrivals_that_are_not_aid():
    def got(t):
        doc = _extract(t)
        return [(c.value, c.category, _source(doc, c.source) if c.source != "article" else None) for c in doc.claims]

    assert got("وتسبب الانفجار بمقتل 22 شخصا حسب حصيلة جديدة.") == [(22, "killed", "حصيلة جديدة")]
    assert got("وقتل 164 شخصا، وفق ما أعلن المركز الأمريكي لرصد الزلازل بعد أربعة أيام من الزلزال.") == [(164, "killed", "المركز الأمريكي لرصد الزلازل")]
    assert got("وازداد اليمين قوة بعد وصول أكثر من مليون مهاجر.") == []
    assert got("ويعتبر هذا الاعتداء الأكثر دموية منذ الاعتداء الذي أوقع 31 قتيلا.") == [(31, "killed", None)]


def test_claims_statement_author_written_with_li():
    doc = _extract("وقتل 5 أشخاص، بحسب بيان لوزارة الصحة.")
    (c,) = doc.claims
    assert _source(doc, c.source) == "وزارة الصحة"


def test_claims_resumptive_pronoun_points_back_and_fa_qad_ends_the_source():
    doc = _extract("ونشر المرصد حصيلة جديدة أشار فيها إلى مقتل أكثر من 350 ألف شخص.")
    assert [(c.value, _source(doc, c.source)) for c in doc.claims] == [(350000, "المرصد")]
    doc = _extract("وجاءت حصيلة جديدة أشار فيها إلى مقتل أكثر من 350 ألف شخص.")
    assert [(c.value, c.source) for c in doc.claims] == [(350000, "article")]
    doc = _extract("وبحسب مصادر أمنية سودانية فقد أفلحت جهود الأمن في توقيف 10 متهمين.")
    (c,) = doc.claims
    assert (c.value, c.category, _source(doc, c.source)) == (10, "arrested", "مصادر أمنية سودانية")


def test_claims_orders_further_back_other_counted_things_and_killed_hostages():
    got = lambda t: [(c.value, c.category) for c in _extract(t).claims]  # noqa: E731
    assert got("وأسفرت العمليات عن القضاء على 71 إرهابيا والقبض على 5 آخرين، وتدمير أكثر من 1200 وكر.") == [(71, "killed"), (5, "arrested")]
    assert got("وأصدرت النيابة قرارات توقيف بحق 7 أشخاص.") == []
    assert got("وأمر الادعاء التركي باحتجاز 70 ضابطا في الجيش.") == []
    assert got("وطلب إطلاق سراح إحدى السيدات بعد أن قتل رهينتين.") == [(2, "killed")]


def test_claims_counts_after_a_toll_noun_and_a_new_clause_and_evacuations():
    got = lambda t: [(c.value, c.category) for c in _extract(t).claims]  # noqa: E731
    assert got("وقال إن عدد القتلى قد تجاوز 500 شخص فيما بلغ عدد المصابين 250.") == [(500, "killed"), (250, "injured")]
    assert got("وإضافة إلى القتلى أجلت السلطات 4500 شخص من القرى.") == [(4500, "displaced")]


def test_claims_demanded_releases_and_joined_duals():
    assert _extract("وكانت الإدارة السابقة تطالب منذ فترة طويلة بإطلاق سراح ثلاثة رهائن.").claims == []
    doc = _extract("قتل شرطيان ومسلحان في تبادل لإطلاق النار.")
    assert [(c.value, c.category) for c in doc.claims] == [(2, "killed"), (2, "killed")]
    assert doc.text[doc.claims[1].evidence.start : doc.claims[1].evidence.end] == "مسلحان"


# one sentence each: the (value, category) of its claims, in text order
FIGURES = [
    pytest.param("أصدرت النيابة أوامر بالقبض على خمسة من الضباط، بعد أن قتل أحد السجناء في سجن يعمل منذ 20 عاما.",
                 [], id="warrants_durations_and_ones_are_not_claims"),
    pytest.param("وقتلوا 1400 شخص واحتجزوا أكثر من 240 رهينة، كما اعتقلت القوات 380 في الضفة الغربية.",
                 [(1400, "killed"), (240, "hostages"), (380, "arrested")], id="kidnapped_and_arrested"),
    pytest.param("وارتفعت حصيلة الاشتباكات إلى 30 قتيلا وجريحا في المدينة.",
                 [], id="killed_and_injured_together_are_no_claim"),
    # a deed word right before a bare figure counts it; the deed joined right after, the next one
    pytest.param("وفي تعز، قتل 5 وأصيب 3 آخرون بنيران الميليشيات.",
                 [(5, "killed"), (3, "injured")], id="killed_n_and_injured_m"),
    pytest.param("وفي حيفان بريف محافظة تعز، قتل مدنيان اثنان وأصيب 3 آخرون.",
                 [(2, "killed"), (3, "injured")], id="a_dual_of_people_then_its_number"),
    pytest.param("وأعلنت السلطات مقتل 5 وجرحى كثيرين.",
                 [(5, "killed")], id="killed_n_and_wounded_many"),
    pytest.param("وقضت المحكمة بتعويض قدره 5.000 لأسر الضحايا، وقالت إن ثلاثة فقط من المصابين ما زالوا في العلاج.",
                 [(3, "injured")], id="a_casualty_noun_after_other_words_does_not_count_the_figure"),
    pytest.param("وتوفي شخص واحد في الحادث، بينما نقل 25 آخرون إلى المستشفى لتلقي العلاج.",
                 [(25, "injured")], id="people_taken_to_hospital_are_injured"),
    pytest.param("وقال المسؤول إنه سيتم غدا إدخال 400 شاحنة مساعدات، من بينها 150 شاحنة وقود.",
                 [], id="figures_announced_for_later_are_no_claims"),
    pytest.param("وتمكنت القوات من القضاء على 12 مسلحا، وفر نحو 900 شخص من القرية. وكان هجوم سابق قد راح ضحيته 40 شخصا.",
                 [(12, "killed"), (900, "displaced"), (40, "killed")], id="more_killing_and_fleeing_verbs"),
    pytest.param("وأصدرت المحكمة حكما بإعدام 12 شخصا بتهمة قتل متظاهرين، بينما قتل 3 آخرون في السجن.",
                 [(3, "killed")], id="people_sentenced_to_death_are_no_claim"),
    pytest.param("وقالت الوزارة إن مستشارين عسكريين اثنين قتلا وأصيب خمسة آخرون.",
                 [(2, "killed"), (5, "injured")], id="dual_verbs_after_a_figure_of_two"),
    pytest.param("وأعلن الجيش أن جنديا أميركيا قتل وأصيب 10 آخرون في هجوم انتحاري.",
                 [(10, "injured")], id="a_killing_verb_with_its_own_subject_is_not_a_combined_figure"),
    pytest.param("وأسفر القصف عن مقتل جنديين اثنين وإصابة 7 آخرين.",
                 [(2, "killed"), (7, "injured")], id="a_number_word_after_its_noun_of_people"),
    pytest.param("ولا يزال مصير 30 طالبة اختطفن من المدرسة مجهولا، كما أن 12 صيادا اعتقلوا في البحر.",
                 [(30, "hostages"), (12, "arrested")], id="past_verbs_agreeing_with_the_noun_after_the_figure"),
    pytest.param("وقتل 45 جهاديا في المعارك، بينما نزح 300 تلميذ مع عائلاتهم.",
                 [(45, "killed"), (300, "displaced")], id="more_nouns_of_people"),
    pytest.param("وقالت الوزارة إن 20 شخصا بينهم 12 سائحا لقوا حتفهم في الحادث.",
                 [(20, "killed"), (12, "killed")], id="the_verb_after_a_part_of_figure_tells_the_whole"),
    pytest.param("ونفذت الشرطة مداهمات لاعتقال 200 شخص، وشهدت الحملة توقيف أو فصل أكثر من 50 ألف موظف.",
                 [], id="deeds_intended_and_deeds_counted_with_another"),
    pytest.param("وأدت المعارك لنزوح نحو 400 ألف شخص.",
                 [(400000, "displaced")], id="displacement_caused_with_li"),
    pytest.param("وقالت المفوضية إن 133 ألف شخص خرجوا من المنطقة، ويظل أكثر من 45 ألف شخص في ملاجئ بريف دمشق.",
                 [(133000, "displaced"), (45000, "displaced")], id="people_who_left_and_people_in_shelters"),
    pytest.param("وأعلن الصليب الأحمر أن 29 طفلا على الأقل قتلوا وأصيب 48 شخصا في قصف استهدف حافلة.",
                 [(29, "killed"), (48, "injured")], id="a_killing_verb_after_its_own_figure_then_an_injuring_verb"),
    pytest.param("وأوضحت الشرطة أن القتلى هم خمس فتيات.",
                 [(5, "killed")], id="the_first_figure_of_a_sentence_after_hum"),
    pytest.param("وثقت المنظمة مقتل 53 طفلا وتشوه 92 آخرين في 12 محافظة يمنية، وسجلت 1216 حالة و73 وفاة بالمرض.",
                 [(53, "killed"), (92, "injured"), (73, "killed")], id="maimed_deaths_and_a_demonym_after_a_noun_of_no_people"),
    pytest.param("وكانت احتجاجات الجمعة أوقعت قتيلين وأكثر من 200 جريح، ويذكر أن فلسطينيين قتلا في غارات السبت.",
                 [(2, "killed"), (200, "injured"), (2, "killed")], id="a_dual_noun_before_a_joined_figure_and_a_nationality_before_a_dual_verb"),
    pytest.param("وبعد يومين، لقي طياران حتفهما عندما تحطمت طائرة ركاب صغيرة.",
                 [(2, "killed")], id="a_noun_in_the_dual_before_a_dual_casualty_word"),
    pytest.param("فقتل 39 شخصا وجرح 69 باستخدام رشاش، وأودت الهجمات في الفترة بين 2010 و2012 بحياة 25 شخصا.",
                 [(39, "killed"), (69, "injured"), (25, "killed")], id="a_joined_deed_before_a_bare_figure_and_bihayat"),
    pytest.param("وقالت الشرطة إن 11 شخصا قبض عليهم، وقتل نحو مليون وشرد 6 مليون.",
                 [(11, "arrested"), (1000000, "killed"), (6000000, "displaced")], id="arrested_in_the_passive_and_sharrada"),
    pytest.param("وقتل المهاجمون سبعة أشخاص على الأقل وأصابوا نحو 50 آخرين.",
                 [(7, "killed"), (50, "injured")], id="they_injured"),
    pytest.param("وقرب مدينة الموصل، قتل مدنيان في ضربة استهدفت آلية، وأصيب آخران، كما قتل فلسطينيان برصاص الجيش.",
                 [(2, "killed"), (2, "injured"), (2, "killed")], id="a_nisba_or_other_in_the_nominative_dual_after_a_casualty_word"),
    pytest.param("واعتقلت الشرطة ميناسيان بعد الهجوم.", [], id="a_name_ending_like_a_dual_is_no_figure"),
    pytest.param("وقالت مصادر طبية إن 167 شخصا أصيبوا، من بينهم 7 بحالة خطيرة.",
                 [(167, "injured"), (7, "injured")], id="a_part_of_figure_with_no_noun_of_its_own"),
    pytest.param("ذكرت الوكالة أن 11 شخصاً على الأقل، معظمهم من المسنين، لقوا مصرعهم السبت.",
                 [(11, "killed")], id="the_verb_after_an_aside_on_most_of_them"),
    pytest.param("وأضاف المسؤول إن 41 شخصا، ومنهم رجلا شرطة، أدخلوا إلى المستشفى لإصابتهم بجروح.",
                 [(41, "injured")], id="hospital_after_an_aside_with_wa"),
    pytest.param("وقال مسؤول إن بين القتلى 12 شخصا، وبينهم 2 من عناصر الحركة.",
                 [(12, "killed"), (2, "killed")], id="part_of_with_wa"),
    pytest.param("وارتفع عدد القتلى في الهجمات التي شنتها الطائرات على المدينة منذ الأحد إلى 45 شخصا.",
                 [(45, "killed")], id="a_toll_noun_far_before_the_figure_it_reached"),
    pytest.param("وأوقفت الشرطة مئات الأشخاص خلال مونديال روسيا 2018 لكرة القدم، واعتقلت 2018 شخصا.",
                 [(2018, "arrested")], id="a_year_the_times_layer_missed_is_no_figure_without_people"),
    pytest.param("ويقول المرصد إن 289 مدنيا على الأقل، بينهم 43 طفلا، قتلوا في معركة عفرين.",
                 [(289, "killed"), (43, "killed")], id="the_verb_after_a_part_of_aside"),
    pytest.param("وقال إن 400 ألف شخص قتلوا و5.6 ملايين شخص باتوا من اللاجئين.",
                 [(400000, "killed"), (5600000, "displaced")], id="people_who_became_refugees"),
    pytest.param("أسفر التمرد عن مقتل أكثر من 800 شخص وآلاف الجرحى خلال أربعة عقود.",
                 [(800, "killed")], id="a_vague_amount_after_the_figure_counts_others"),
    pytest.param('وقال المدير إن حصيلة القتلى منذ اندلاع النزاع حتى اليوم بلغت "353,935 شخصاً على الأقل".',
                 [(353935, "killed")], id="a_toll_reached_a_quoted_figure"),
    pytest.param('وأكد مدير المرصد "ارتفاع الخسائر البشرية (...) إلى 27 على الأقل هم 6 من قوات النظام، و11 من العناصر الإيرانيين".',
                 [(27, "killed"), (6, "killed"), (11, "killed")], id="human_losses_past_an_elision"),
    pytest.param("نحو 62 شخصا استشهدوا، 50 منهم ينتمون لحماس.",
                 [(62, "killed"), (50, "killed")], id="of_them_right_after_a_figure_opening_a_clause"),
    pytest.param("وأفرجت السلطات عن الخمسة المعتقلين.",
                 [(5, "released")], id="a_definite_number_word"),
    pytest.param("وتابع أن عدد الذين اضطروا للهرب من بيوتهم ارتفع إلى 387 ألف شخص.",
                 [(387000, "displaced")], id="forced_to_flee"),
    pytest.param("هؤلاء الأشخاص يمكن للواحد منهم أن يقتل ألفي أو 3 آلاف شخص ولا شيء يحدث لهم.",
                 [], id="only_possible_and_its_alternative"),
    pytest.param("وصلت رفات 38 عاملا هنديا خطفوا وقتلوا في الموصل.",
                 [(38, "hostages")], id="kidnapped_then_killed"),
    pytest.param("وتشير تقديرات إلى أن حوالي 709 مدنيين قتلوا في الغوطة. ويقول رامي عبد الرحمن إن من بين هؤلاء 166 طفلا.",
                 [(709, "killed"), (166, "killed")], id="among_these_in_the_next_sentence"),
    pytest.param("وأوضح أن من بين القتلى المدنيين 19,811 طفلاً وأكثر من 12500 امرأة.",
                 [(19811, "killed"), (12500, "killed")], id="wa_akthar_min_opens_the_next_figure"),
    pytest.param("وأضاف أن الهجوم أوقع قتيلين على الأقل وخمسة جرحى.",
                 [(2, "killed"), (5, "injured")], id="a_hedge_after_a_dual_does_not_open_the_next_figure"),
    pytest.param("وقال مدير اللجنة إن 9 صحفيين من مؤسسات إعلامية مختلفة لقوا مصرعهم.",
                 [(9, "killed")], id="the_verb_several_words_after_a_victim_group"),
    pytest.param("قتل 17 مدنيا على الأقل، بينهم 7 أطفال من جراء غارات على مخيم اليرموك للاجئين.",
                 [(17, "killed"), (7, "killed")], id="a_part_keeps_to_the_words_right_after_it"),
    pytest.param("وأكدت القوات الأمريكية مقتل قرابة 100 شخص من بين 500 عنصر اجتازوا النهر.",
                 [(100, "killed")], id="the_whole_a_toll_was_taken_from_is_no_claim"),
    pytest.param("أعلن الجيش أن حادث الدهس الذي قتل فيه جنديان كان مدبرا، وأعلن اعتقال ثلاثة قيادات في الخلية.",
                 [(2, "killed"), (3, "arrested")], id="a_resumptive_pronoun_before_a_dual_and_leaders_as_people"),
    pytest.param("وبعد نحو أسبوع من مقتل25 شخصا في اعتداءين، قتل57  شخصا على الأقل وأصيب119  في اعتداء انتحاري.",
                 [(25, "killed"), (57, "killed"), (119, "injured")], id="figures_glued_to_their_casualty_word"),
    pytest.param("وألقي القبض في هونغ كونغ وحدها على 242 شخصا، و16 آخرين في ماكاو.",
                 [(242, "arrested"), (16, "arrested")], id="passive_arrest_with_a_place_between"),
    pytest.param("بينما أدخل إلى المستشفى 2700 شخص في الأسبوع الذي سبق، وقضى 25 شخصا على الأقل نحبهم.",
                 [(2700, "injured"), (25, "killed")], id="taken_into_hospital_and_met_their_fate"),
    pytest.param("ذكر تقرير أن السلطات تعتقل وتحاكم سنويا نحو 700 طفل. لماذا لم يعتقل الرجال الأربعة؟",
                 [(700, "arrested")], id="present_tense_arrests_and_a_negated_deed"),
    pytest.param("وأوضح المتحدث أن 87 من بين الضحايا أعلنت وفاتهم، فيما يعاني 13 آخرون من أمراض.",
                 [(87, "killed")], id="min_bayn_before_the_noun_and_a_new_clause_ends_the_search_back"),
    pytest.param("وقال المتحدث إن 17 من عناصر قوات الأمن الأفغانية على الأقل قتلوا في الهجوم.",
                 [(17, "killed")], id="the_verb_several_words_after_min_and_a_noun_of_people"),
]

SOURCES = [
    pytest.param("وأصيب 6 أشخاص في الانفجار، حسبما نقلت وكالة الأنباء عن مصادر أمنية.", "مصادر أمنية", id="hasbama_relayed_from"),
    pytest.param("وارتفع عدد القتلى إلى 40 قتيلا، وفق تصريحات جديدة من المرصد السوري لحقوق الإنسان.", "المرصد السوري لحقوق الإنسان", id="statement_noun_from_its_author"),
    pytest.param("أعلنت الشركة مصرع 12 شخصا كانوا على متن الطائرة، وحسب التقارير الأولية فقد سقطت الطائرة في الجبال.", "الشركة", id="a_cue_before_faqad_sources_what_follows"),
    pytest.param("أعلنت الشرطة مقتل 3 أشخاص في إطلاق نار، حسبما جاء في حسابها على تويتر.", "الشرطة", id="as_stated_in_its_own_account"),
    pytest.param("غير أن مصادر طبية، أشارت إلى ارتفاع عدد القتلى إلى 14 شخصا.", "مصادر طبية", id="subject_written_before_the_speech_verb"),
    pytest.param("أعلنت الشركة أن طائرتها تحطمت في الجبال، مؤكدة مصرع جميع ركابها البالغ عددهم 60 شخصا.", "الشركة", id="a_participle_speaks_for_the_sentence_speaker"),
    pytest.param("وكان تقرير حقوقي كشف عن مقتل 21 مدنيا في قصف على أحياء المدينة.", "تقرير حقوقي", id="subject_after_an_auxiliary_before_the_speech_verb"),
    pytest.param("أسفر القصف عن مقتل 29 طفلا على الأقل وفق حصيلة غير نهائية للصليب الأحمر.", "صليب الأحمر", id="the_author_after_a_source_noun_and_its_adjectives"),
    pytest.param("وقدر المرصد السوري لحقوق الإنسان نزوح أكثر من 70 ألف مدني خلال أسبوع.", "المرصد السوري لحقوق الإنسان", id="the_subject_of_an_estimate"),
    pytest.param("ووثقت الشبكة السورية لحقوق الإنسان مقتل 50 مدنيا في الغارات.", "الشبكة السورية لحقوق الإنسان", id="the_subject_of_a_documenting_verb"),
    pytest.param("وقال الوزير: \"علينا أن نتذكر الضحايا\"، مشيرا إلى القتلى الذين بلغ عددهم 853، كما يفيد الإحصاء الأخير للحكومة.", "الإحصاء الأخير", id="kama_yufid"),
    pytest.param("نشر المرصد السوري لحقوق الإنسان الاثنين حصيلة جديدة لضحايا النزاع، أشار فيها إلى مقتل أكثر من 350 ألف شخص.", "المرصد السوري لحقوق الإنسان", id="who_published_the_toll_it_points_at"),
    pytest.param("أعلن المتحدث باسم قوى الأمن الداخلي الإيرانية، العميد سعيد منتظر المهدي، عن اعتقال 300 شخص إثر الأحداث.", "سعيد منتظر المهدي", id="the_name_between_commas_after_the_title"),
    pytest.param("وكانت الميليشيات الحوثية قد أعلنت عن مقتل 6 أشخاص في الغارات.", "الميليشيات الحوثية", id="a_definite_subject_between_kana_and_qad"),
    pytest.param("وكانت الحصيلة الأخيرة للمرصد في 24 تشرين الثاني/نوفمبر أفادت بمقتل أكثر من 340 ألف شخص.", "مرصد", id="a_dated_toll_of_its_author"),
    pytest.param("ويأتي النفي الروسي، عقب إعلان المرصد السوري لحقوق الإنسان إن غارات يرجح أنها روسية أوقعت 44 قتيلا.", "المرصد السوري لحقوق الإنسان", id="the_announcing_noun_and_its_genitive"),
    pytest.param("دخلت قافلة تضم 13 شاحنة من المساعدات إلى الغوطة الشرقية، وفق ما أفادت المتحدثة باسم اللجنة الدولية للصليب الأحمر في دمشق، أنجي صدقي.", "أنجي صدقي", id="the_name_after_an_according_title"),
    pytest.param("وقال المرصد إن الطائرات أدت إلى أضرار في حمورية، حيث قتل - بحسب تقارير - 10 أشخاص.", "تقارير", id="an_aside_inside_someone_s_words"),
    pytest.param("وقال المتحدث إن الوضع صعب. وغادر أكثر من 44 ألف نازح تلك الملاجئ \"بعد إنهائهم المسح الأمني\"، وفقاً لقوله.", "المتحدث", id="according_to_his_saying_is_the_speaker_before"),
    pytest.param("وكانت حصيلة رسمية سابقة أفادت بمقتل 99 شخصا إثر ثوران البركان.", "حصيلة رسمية سابقة", id="a_toll_after_kana_speaks"),
    pytest.param("وكانت حصيلة سابقة السبت، قد أشارت إلى تسعة قتلى.", "حصيلة سابقة", id="a_dated_toll_then_a_comma_and_qad"),
    pytest.param("وألقت الدول الغربية باللائمة على النظام في هجوم كيمياوي أسفر عن مقتل أكثر من 40 شخصا.", "الدول الغربية", id="a_toll_inside_a_blame_is_the_accusers"),
    pytest.param("وقال الوزير إن الصالات انهارت، في حين ذكرت قوات الإنقاذ إخلاءها لحوالي مائة شخص من المركز.", "قوات الإنقاذ", id="fi_hin_opens_another_speakers_clause"),
    pytest.param("وتسببت الغارات في مقتل 1450 مدنيا، حسب الأرقام التي أكدها المرصد السوري لحقوق الإنسان.", "المرصد السوري لحقوق الإنسان", id="who_stated_the_figures_after_the_relative"),
]


@pytest.mark.parametrize("text, source", SOURCES)
def test_claims_sources(text, source):
    (c,) = _extract(text).claims
    assert source in _source(_extract(text), c.source)


@pytest.mark.parametrize("text, expected", FIGURES)
def test_claims_figures_and_categories(text, expected):
    assert [(c.value, c.category) for c in _extract(text).claims] == expected


def test_claims_parts_listed_after_hum_with_number_words_joined_by_wa():
    doc = _extract("وقال المرصد إن التفجير أسفر عن 28 قتيلا هم خمسة مدنيين وعشرة مقاتلين في هيئة تحرير الشام وثمانية أشخاص متهمين بالانتماء إلى تنظيم داعش.")
    assert [(c.value, c.category, c.part_of) for c in doc.claims] == [(28, "killed", None), (5, "killed", 0), (10, "killed", 0), (8, "killed", 0)]


def test_claims_the_articles_narration_after_a_quote_and_a_wording_attribution_give_no_source():
    doc = _extract("وحذر وزيران إسرائيليان من أن إسرائيل ستواصل التحرك، وذلك بعد أسبوع على قصف مطار التيفور، الذي أسفر عن مقتل 7 ايرانيين.")
    assert [(c.value, c.source) for c in doc.claims] == [(7, "article")]
    doc = _extract("أدت الأمطار إلى إصابة 6 أشخاص، في ظاهرة \"تحصل مرة كل 500 سنة\"، على حد وصف مسؤول محلي.")
    assert [(c.value, c.source) for c in doc.claims] == [(6, "article")]


def test_claims_a_figure_describing_the_speaker_is_the_articles():
    doc = _extract("وأضافت الحركة، التي سقط خلال حملتها نحو 850 قتيلا، إن قراراتها تهدف إلى بناء مستقبل جديد.")
    assert [(c.value, c.source) for c in doc.claims] == [(850, "article")]
    doc = _extract("وألقت الشرطة القبض على 5 أشخاص في المدينة.")
    assert [(c.value, c.category, c.source) for c in doc.claims] == [(5, "arrested", "article")]


def test_claims_a_figure_in_what_someone_denies_is_the_articles():
    doc = _extract("وتنفي الحكومة السورية صحة الإدعاء بأنها لعبت دورا في الهجوم، الذي خلف 53 قتيلا.")
    assert [(c.value, c.source) for c in doc.claims] == [(53, "article")]
    doc = _extract("ونفت الوزارة مقتل 5 جنود في الهجوم.")
    assert [(c.value, c.source) for c in doc.claims] == [(5, "article")]


def test_claims_a_counting_verb_needs_a_subject_that_names_someone():
    doc = _extract("وسجلت آخر مأساة في مارس بسقوط طائرة، مما أسفر عن مقتل 50 شخصا على الأقل.", "2018-03-17")
    assert [(c.value, c.category, c.source) for c in doc.claims] == [(50, "killed", "article")]


def test_claims_passengers_in_the_accusative_are_people():
    doc = _extract("ولقي 71 راكبا مصرعهم جراء الحادثة.", "2018-03-17")
    assert [(c.value, c.category) for c in doc.claims] == [(71, "killed")]


def test_claims_people_driven_to_flee_are_displaced():
    doc = _extract("وقال مسؤولون بالأمم المتحدة إن العملية دفعت ما يزيد على 270 ألف شخص إلى النزوح.", "2018-07-03")
    assert [(c.value, c.category) for c in doc.claims] == [(270000, "displaced")]
    assert "مسؤولون" in _source(doc, doc.claims[0].source)


def test_claims_rebels_killed_and_captured_in_battle():
    doc = _extract("خاضت القوات معارك عنيفة مع الميليشيات في جبهة نهم، قتل فيها 17 متمرداً وأصيب العشرات.")
    assert [(c.value, c.category, c.group) for c in doc.claims] == [(17, "killed", "fighters")]
    doc = _extract("وتمكنت القوات من أسر 50 متمرداً.")
    assert [(c.value, c.category) for c in doc.claims] == [(50, "arrested")]


def test_claims_a_toll_of_someone_after_the_figures_sources_them():
    doc = _extract("والأسبوع الماضي، قتل 55 مدنيا وأصيب 170 بجروح في أعمال قصف في مدينة الحديدة في حصيلة للصليب الأحمر.")
    assert [(c.value, c.category) for c in doc.claims] == [(55, "killed"), (170, "injured")]
    assert all("صليب الأحمر" in _source(doc, c.source) for c in doc.claims)


def test_claims_what_was_declared_is_no_source():
    doc = _extract("وأعلنت حالة الطوارئ لمدة شهر في 14 آب/أغسطس، إثر فض قوات الأمن اعتصامين في القاهرة، قتل فيهما نحو 700 متظاهر.")
    (c,) = doc.claims
    assert (c.value, c.category, c.source) == (700, "killed", "article")


def test_claims_digits_glued_to_the_next_word_are_a_figure():
    doc = _extract("وقتل 140عنصرا من الميليشيا في المعارك.")
    assert [(c.value, c.category) for c in doc.claims] == [(140, "killed")]


def test_claims_bodies_and_the_drowned_are_killed():
    doc = _extract("أعلنت الشرطة أنها عثرت على جثث 11 طفلا رضيعا. وقال شهود إن 21 آخرين كانوا على متن القارب غرقوا.")
    assert [(c.value, c.category) for c in doc.claims] == [(11, "killed"), (21, "killed")]


def test_claims_words_describing_a_toll_are_no_source():
    doc = _extract('وأكدت مراسلة "قناة الحدث" سقوط 3 قتلى بالحادث في حصيلة أولية. وقتل 5 أشخاص في حصيلة جديدة للمرصد السوري.')
    (three, five) = doc.claims
    assert three.value == 3 and _source(doc, three.source).startswith("مراسلة")
    assert five.value == 5 and "مرصد السوري" in _source(doc, five.source)


def test_claims_disease_cases_are_not_injured():
    doc = _extract("ويقول مسؤولو الصحة إن أكثر من 820 ألف شخص أصيبوا بالمرض في البلاد. وأصيب 12 شخصا بجروح في الانفجار.")
    assert [(c.value, c.category) for c in doc.claims] == [(12, "injured")]


def test_claims_trucks_are_aid_only_with_aid_in_their_sentence():
    doc = _extract("وأكدت مصادر أن أكثر من 30 شاحنة وصلت إلى الحديدة محملة بالقطع الخرسانية. وتم إدخال 25 شاحنة إلى الغوطة.")
    assert [(c.value, c.category) for c in doc.claims] == [(25, "aid_delivered")]


def test_claims_a_deed_joined_by_wa_right_before_a_figure_is_its_own():
    doc = _extract("اتهمت الأمم المتحدة القوات بقتل أكثر من مئتي مدني واغتصاب 120 امرأة على الأقل.")
    assert [(c.value, c.category) for c in doc.claims] == [(200, "killed")]
    # a word restating those just counted is no deed
    doc = _extract("وتحطمت الطائرة ما أدى لمقتل كل من كان على متنها، وعددهم 49 شخصا.")
    assert [(c.value, c.category) for c in doc.claims] == [(49, "killed")]


def test_claims_inhabitants_and_a_fall_are_no_toll():
    doc = _extract("وإن سقوط الرماد أضر بمنطقة يقطنها نحو 1.7 مليون من سكان البلاد البالغ عددهم 15 مليون نسمة.")
    assert doc.claims == []
    doc = _extract("وأعلنت الوزارة سقوط 3 قتلى في الانفجار.")
    assert [(c.value, c.category) for c in doc.claims] == [(3, "killed")]


def test_claims_people_who_leave_or_are_evacuated_are_displaced_not_marchers():
    doc = _extract("خرج أكثر من 40 ألف مدني الخميس من الغوطة الشرقية. وذكرت الوكالة خروج أكثر من سبعة آلاف شخص. وقالت الوكالة إن 3100 شخص أجلوا من مناطق مجاورة للبركان.")
    assert [(c.value, c.category) for c in doc.claims] == [(40000, "displaced"), (7000, "displaced"), (3100, "displaced")]
    doc = _extract("وخرج 5 آلاف متظاهر إلى شوارع العاصمة. وخرج 5 آلاف شخص إلى الشوارع احتجاجا على القرار.")
    assert doc.claims == []
    # a march against a war does not undo the war's toll of displaced
    doc = _extract("فقد تظاهر نشطاء خارج المقرات لتوعية الناس بحملة القصف التي أسفرت عن مقتل 10 آلاف شخص ونزوح مليونين.")
    assert [(c.value, c.category) for c in doc.claims] == [(10000, "killed"), (2000000, "displaced")]


def test_claims_assassinations_are_killings():
    doc = _extract("كما وثق التحالف اليمني اغتيال 157 ناشطاً ومعارضاً في عدد من المحافظات.")
    assert [(c.value, c.category) for c in doc.claims] == [(157, "killed")]


def test_claims_slaughter_kills_and_a_feminine_dual_counts_two():
    doc = _extract("وقامت الجماعة بذبح 18 شخصا في القرية.")
    assert [(c.value, c.category) for c in doc.claims] == [(18, "killed")]
    doc = _extract("وتبنى التنظيم الهجوم الذي أودى بحياة شرطيتين في المدينة.")
    assert [(c.value, c.category) for c in doc.claims] == [(2, "killed")]
    # «ـيين» is also the plural: no count of two
    doc = _extract("وأودى الهجوم بحياة فلسطينيين في المدينة.")
    assert doc.claims == []


def test_claims_the_statement_published_is_not_part_of_its_source():
    doc = _extract("ونشرت الأجهزة الدعائية لتنظيم داعش بيانا يعلن فيه تبني الهجوم الذي أودى بحياة 3 أشخاص.")
    (claim,) = doc.claims
    assert _source(doc, claim.source) == "الأجهزة الدعائية لتنظيم داعش"


def test_claims_the_word_for_one_counts_a_person_named_before_it():
    doc = _extract("وقتل منفذ الهجوم شخصا واحدا برصاصة في الرأس.")
    assert [(c.value, c.category) for c in doc.claims] == [(1, "killed")]
    doc = _extract("وتضررت عائلة واحدة في القصف.")
    assert doc.claims == []
    # a man killed, then six hurt: not «killed and injured» together
    doc = _extract("وقال إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في الغارات.")
    assert (6, "injured") in [(c.value, c.category) for c in doc.claims]


def test_claims_figures_joined_by_wa_share_the_verb_after_them_within_their_clause():
    doc = _extract("وقالت الوكالة إن أربعة جنود وثلاثة من ميليشيا القرى قد أصيبوا بجروح.")
    assert [(c.value, c.category) for c in doc.claims] == [(4, "injured"), (3, "injured")]
    doc = _extract('وقالت وكالة دوغان إن "خمسة جنود" قد قتلوا، بينما قالت وكالة الأناضول إن أربعة جنود وثلاثة من ميليشيا القرى قد أصيبوا بجروح.')
    assert [(c.value, c.category) for c in doc.claims] == [(5, "killed"), (4, "injured"), (3, "injured")]
    # the noun right after the joined figure counts only that one
    doc = _extract("وترتفع حصيلة القتلى منذ 30 آذار/مارس الماضي إلى 204 شخصا وأكثر من 22 ألف مصاب.")
    assert [(c.value, c.category) for c in doc.claims] == [(204, "killed"), (22000, "injured")]


def test_claims_qada_counts_the_dead_only_right_before_the_figure():
    doc = _extract("كما قضى 21 شخصا جراء الفيضانات في الصومال، بحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية.")
    assert [(c.value, c.category) for c in doc.claims] == [(21, "killed")]
    assert _source(doc, doc.claims[0].source) == "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"
    # further off it is a court ruling
    assert _extract("وقضت المحكمة ببراءة 47 متهما في القضية، وفقا للصحيفة.").claims == []


def test_claims_figure_glued_to_the_complementizer_and_a_passive_deed_after_it():
    # «إن300»: a lost space; «تم إيقافهم»: done to them
    doc = _extract("وقالت مجموعة مراقبة مستقلة إن300\u00a0 شخص على الأقل تم إيقافهم خلال تظاهرات في أنحاء متفرقة من روسيا.")
    assert [(c.value, c.category, c.bound) for c in doc.claims] == [(300, "arrested", "at_least")]
    assert _source(doc, doc.claims[0].source) == "مجموعة مراقبة مستقلة"


def test_claims_an_aside_not_closed_by_a_comma_still_leaves_the_verb_to_the_whole():
    doc = _extract("قال المرصد السوري لحقوق الإنسان الجمعة إن 54 شخصا على الأقل، بينهم 28 مدنيا  قتلوا في غارة جوية على بلدة السوسة.")
    assert [(c.value, c.category, c.part_of) for c in doc.claims] == [(54, "killed", None), (28, "killed", 0)]
