"""quotes: cues, speakers, conveyors and quotation styles on real Arabic news sentences (the seed,
the tune half of the facts development set, and sentences written like them)."""

import pytest

import khabar
from khabar.facts import SpanRef
from khabar.stages._refs import ref_text as _speaker
from khabar.normalise import normalise


def _extract(text):
    return khabar.extract(text + "\n", reference_date="2018-04-23")


def _speakers(text):
    """Who each quote of ``text`` (a one-line article) is attributed to."""
    doc = khabar.extract(text + "\n", reference_date="2023-11-05")
    return [_speaker(doc, q.speaker) for q in doc.quotes]


def _content(doc, q):
    return doc.text[q.content.start : q.content.end]


def test_quotes_indirect_with_named_speaker_and_cue():
    doc = _extract("وقال رضا جعفر زاده مدير العلاقات العامة بمؤسسة الطيران المدني لوكالة الأنباء إنه تم تسليم الصندوقين للسلطات القضائية.")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.kind == "indirect"
    # the name (or the part of it the tagger found), not the title or the addressee
    who = normalise(_speaker(doc, q.speaker))
    assert who and (who in normalise("رضا جعفر زاده") or normalise("رضا جعفر زاده") in who)
    assert doc.text[q.cue.start : q.cue.end] == "وقال"
    assert _content(doc, q).startswith("تم تسليم الصندوقين")


@pytest.mark.parametrize("opening,closing", [("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'), ("'", "'")])
def test_quotes_every_quotation_style_is_direct_speech(opening, closing):
    doc = _extract(f"وقال متحدث باسم التحالف {opening}سنأخذ تلك التقارير بجدية{closing}.")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert _content(doc, direct[0]) == "سنأخذ تلك التقارير بجدية"
    assert "متحدث باسم التحالف" in _speaker(doc, direct[0].speaker)


def test_quotes_subjectless_continuation_takes_previous_speaker():
    text = (
        "قالت نائبة المتحدث الرسمي للأمين العام للأمم المتحدة إري كانكو إن أكثر من مليون شخص نزحوا داخل سوريا.\n"
        "وأضافت في مؤتمر صحفي في نيويورك أن \"الأمم المتحدة ما زالت تشعر بقلق عميق حيال التهجير المستمر\".\n"
        "كذلك قالت إن المساعدات وصلت إلى مئات الآلاف."
    )
    doc = _extract(text)
    assert len(doc.quotes) == 3
    first = doc.quotes[0].speaker
    assert all(q.speaker == first for q in doc.quotes)
    assert doc.quotes[1].kind == "direct"


def test_quotes_conveyor_and_speaker_from_naql_an_qawlihi():
    doc = _extract("في سياق متصل، نقل مسؤول أمريكي عن وزير الخارجية الأمريكي أنتوني بلينكن قوله الأحد، إنه يتعين أن تلعب السلطة الفلسطينية دوراً مركزياً.")
    q = doc.quotes[0]
    assert isinstance(q.via, SpanRef) and q.via.text == "مسؤول أمريكي"
    assert "بلينكن" in _speaker(doc, q.speaker)
    assert _content(doc, q).startswith("يتعين")


def test_quotes_unnamed_source_is_a_span():
    doc = _extract("ونقلت وسائل إعلام محلية عن مصدر أمني قوله إن الشرطة أغلقت الطرق المؤدية إلى السجن.")
    q = doc.quotes[0]
    assert isinstance(q.speaker, SpanRef) and q.speaker.text == "مصدر أمني"
    assert doc.text[q.speaker.start : q.speaker.end] == "مصدر أمني"
    assert isinstance(q.via, SpanRef) and q.via.text == "وسائل إعلام محلية"


def test_quotes_scare_quotes_and_titles_are_not_speech():
    doc = _extract('ولليوم الثلاثين، يشن الجيش "حرباً مدمرة" على المدينة، ووصف القضية بـ"الشنيعة".')
    assert doc.quotes == []


def test_quotes_participle_direct_quote_keeps_the_sentence_speaker():
    doc = _extract('وقال الوزير أنتوني بلينكن إن الهجمات أمر يتعلق بسيادة العراق، مشيراً إلى أنه "من المهم أن نبعث برسالة واضحة للغاية".')
    kinds = [q.kind for q in doc.quotes]
    assert kinds == ["indirect", "direct"]
    assert doc.quotes[0].speaker == doc.quotes[1].speaker
    assert normalise(doc.text[doc.quotes[1].cue.start : doc.quotes[1].cue.end]) == normalise("مشيراً إلى")
    # the reported speech stops where the participle takes over
    assert "مشيراً" not in _content(doc, doc.quotes[0])


def test_quotes_subject_before_the_verb():
    doc = _extract("وكانت شركة آسمان للطيران قد قالت في وقت سابق إن 65 شخصا كانوا على متن الطائرة.")
    assert "آسمان للطيران" in _speaker(doc, doc.quotes[0].speaker)


def test_quotes_impersonal_yudhkar_is_no_speaker():
    doc = _extract("ويذكر أن إيران تعرضت لعدد من حوادث تحطم الطائرات في العقود الماضية.")
    assert doc.quotes == []


def test_quotes_statement_speaks_for_its_author():
    doc = _extract("وقال بيان للقصر الملكي إن الملك تعهد بدفع تكاليف دفن القتلى وعلاج المصابين.")
    assert _speaker(doc, doc.quotes[0].speaker).endswith("قصر الملكي")


def test_quotes_sentence_opening_on_its_source_reports_its_words():
    doc = _extract("ووفقا لوزارة الصحة في القطاع، فإن حصيلة المواجهات ارتفعت إلى ثلاثين قتيلا.")
    (q,) = doc.quotes
    assert isinstance(q.speaker, SpanRef) and q.speaker.text.startswith("وزارة الصحة")
    assert _content(doc, q).startswith("حصيلة المواجهات")


def test_quotes_naql_an_without_conveyor():
    doc = _extract('ونقل عن المتحدث باسم الشرطة، قوله إن "خمسة أشخاص أصيبوا في الحادث الذي وقع صباح اليوم".')
    (q,) = doc.quotes
    assert q.kind == "direct" and "المتحدث باسم الشرطة" in _speaker(doc, q.speaker)
    assert q.via is None


def test_quotes_written_on_a_banner_is_no_speech():
    doc = _extract("ورفع المتظاهرون لافتات كتب عليها «لا للفساد في بلادنا بعد اليوم» أمام مقر البرلمان.")
    assert all(_speaker(doc, q.speaker) != "عليها" for q in doc.quotes)
    assert not doc.quotes


def test_quotes_addressee_after_the_cue_is_not_the_speaker():
    doc = _extract("وقال المتحدث باسم الحزب إن القرار ظالم. وقال لـ«رويترز» إن الحزب سيستأنف الحكم أمام المحكمة العليا.")
    q1, q2 = doc.quotes
    assert "رويترز" not in (_speaker(doc, q2.speaker) or "")
    assert _speaker(doc, q2.speaker) == _speaker(doc, q1.speaker)


def test_quotes_but_he_denied_continues_the_speaker():
    doc = _extract("وقال المتحدث العسكري إنه وقع انفجار في المنطقة، لكنه نفى أن يكون ناجما عن صاروخ أطلق من الحدود.")
    assert len(doc.quotes) == 2
    assert doc.quotes[1].speaker == doc.quotes[0].speaker
    assert "المتحدث" in _speaker(doc, doc.quotes[0].speaker)


def test_quotes_a_date_after_the_cue_is_not_the_speaker():
    doc = _extract("وكان مسؤول في الوزارة قد قال أول من أمس، إن المفاوضات مع النقابات متعثرة.")
    (q,) = doc.quotes
    assert "مسؤول" in _speaker(doc, q.speaker)


def test_quotes_a_count_keeps_whom_it_counts():
    doc = _extract("وقال عدد من سكان القرية إن الجنود داهموا المنازل ليلا.")
    (q,) = doc.quotes
    assert "سكان القرية" in _speaker(doc, q.speaker)


def test_quotes_cue_after_the_quotation_names_its_speaker():
    doc = _extract('وقال وزير الخارجية إن المحادثات مستمرة. "نحن مستعدون لكل الاحتمالات في المرحلة المقبلة"، قال المتحدث باسم الجيش.')
    q = next(q for q in doc.quotes if "مستعدون" in _content(doc, q))
    assert q.kind == "direct"
    assert "المتحدث باسم الجيش" in _speaker(doc, q.speaker)


def test_quotes_source_after_the_quotation():
    doc = _extract('"الوضع في المدينة هادئ تماما الآن"، وفقا لمصدر أمني.')
    (q,) = doc.quotes
    assert _speaker(doc, q.speaker) == "مصدر أمني"
    doc = _extract('"لن نتراجع عن مطالبنا مهما كان الثمن"، بحسب ما قال رئيس النقابة.')
    (q,) = doc.quotes
    assert _speaker(doc, q.speaker) == "رئيس النقابة"


@pytest.mark.parametrize("text", ["وأعلنت متحدثة أخرى في البنتاغون لفرانس برس أن التحقيق مستمر.", "وقالت مسؤولة في الأمم المتحدة لفرانس برس إن الوضع خطير."])
def test_quotes_outlet_spoken_to_is_not_the_speaker(text):
    doc = _extract(text)
    (q,) = doc.quotes
    assert "فرانس" not in (_speaker(doc, q.speaker) or "")


def test_quotes_statement_issued_names_no_author_by_that_word():
    doc = _extract("وأوضح البيان الصادر، الجمعة، أن القرار جاء على خلفية الضغوط.")
    (q,) = doc.quotes
    assert _speaker(doc, q.speaker) != "الصادر"


def test_quotes_name_between_commas_after_the_title_with_a_date_after():
    doc = _extract("أعلن وزير الداخلية اللبناني، نهاد المشنوق، منتصف ليل الأحد الاثنين، أن نسبة المشاركة بلغت 49 في المئة.")
    (q,) = doc.quotes
    assert "المشنوق" in _speaker(doc, q.speaker)


def test_quotes_participle_goes_with_the_subject_of_its_sentence():
    doc = _extract("وتقول المخابرات التركية إن نازك تواصل مع المخابرات السورية.\nووصفت الأناضول عملية المخابرات بـ\"شديدة الدقة\"، مضيفة أن الأجهزة الأمنية تمكنت من نقله إلى تركيا.")
    q = next(q for q in doc.quotes if "الأجهزة الأمنية" in _content(doc, q))
    assert "الأناضول" in _speaker(doc, q.speaker)


def test_quotes_participle_after_conveying_goes_with_the_conveyor():
    doc = _extract("ونقلت صحيفة \"تلغراف\" البريطانية عن شهود قولهم إن محتجز الرهائن مغربي الجنسية، مشيرة إلى أنه كان مرصودا على قوائم مكافحة الإرهاب.")
    q = next(q for q in doc.quotes if "مرصودا" in _content(doc, q))
    assert "تلغراف" in _speaker(doc, q.speaker)


def test_quotes_subject_of_a_clause_opened_by_lakin():
    doc = _extract("ولم يظهر أي من الأطفال في وسائل الإعلام، لكن الجهات المعنية بالعملية أكدت أنهم بخير.")
    (q,) = doc.quotes
    assert "الجهات المعنية" in _speaker(doc, q.speaker)


def test_quotes_a_cue_right_inside_what_a_source_reports_is_the_quote():
    doc = _extract("وبحسب الأناضول، فقد اعترف نازك، خلال استجوابه الأولي، بأنه ساعد في التخطيط للهجمات.")
    (q,) = doc.quotes
    assert "نازك" in _speaker(doc, q.speaker)
    assert "الأناضول" in _speaker(doc, q.via)


def test_quotes_title_going_on_with_li_then_a_name_is_the_name():
    doc = khabar.extract('وقال رئيس لجنة الإغاثة العليا للمحافظة سالم حداد إن "المساعدات وصلت إلى جميع المناطق".\n', reference_date="2023-11-05")
    (q,) = doc.quotes
    assert _speaker(doc, q.speaker) == "سالم حداد"
    doc = khabar.extract("وقال مدير المستشفى للصحفيين صباحا إن القوات انسحبت من المنطقة.\n", reference_date="2023-11-05")
    (q,) = doc.quotes
    assert _speaker(doc, q.speaker) == "مدير المستشفى"


def test_quotes_speaker_stops_at_an_addressee_and_a_date_and_takes_a_name_before_the_cue():
    assert _speakers('وقال مواطن يدعى سوجينج لصحيفة "جاكرتا بوست" إن الضحية تعرضت للأذى.') == ["مواطن يدعى سوجينج"]
    assert _speakers("وقال المتحدث باسم الجيش لوكالة رويترز إن القوات انسحبت.") == ["المتحدث باسم الجيش"]
    assert _speakers("وأكدت المجموعة الأسبوع الماضي أنه يجري التحقيق في نشاطها.") == ["المجموعة"]
    assert _speakers("وكان كبير المستشارين الاقتصاديين في البيت الأبيض لاري كادلو قال الأحد إن رئيس الوزراء يتحمل المسؤولية.") == ["لاري كادلو"]
    assert _speakers("وذكرت بيانات نشرها الموقع الإلكتروني لشبكة سلامة النقل أن الطائرة عادت إلى الخدمة.") != ["بيانات نشرها الموقع الإلكتروني"]


def test_quotes_a_title_then_the_name_between_commas_is_the_name():
    assert _speakers("أكد وزير الدولة للشؤون الخارجية في الإمارات، أنور قرقاش، أن غياب قطر عن القمة أمر متوقع.") == ["أنور قرقاش"]
    assert _speakers("وقالت الوزارة، في بيان، إن القوات انسحبت.") == ["الوزارة"]
    assert _speakers("وقال الرئيس، الأحد، إن الحكومة ستستقيل.") == ["الرئيس"]


def test_quotes_a_title_with_its_fi_phrase_then_a_name_is_the_name():
    assert _speakers("وقال المسؤول في حركة التغيير الديمقراطي تنداي بيتي إن النتائج تظهر فوزنا.") == ["تنداي بيتي"]
    assert _speakers("وقال المتحدث في مقابلة مع جون سميث إن النتائج جيدة.") == ["المتحدث"]


def test_quotes_a_circumstance_before_a_bare_cue_is_not_its_subject():
    doc = khabar.extract('وقال الرئيس إن الأمور تسير جيدا. وبعدما رافق الضيف إلى سيارته، أضاف "لا أريد أن أستخدم هذه العبارة بعد الآن".\n', reference_date="2023-11-05")
    assert [_speaker(doc, q.speaker) for q in doc.quotes] == ["الرئيس", "الرئيس"]


def test_quotes_hayth_qala_bil_qawl_and_according_cues_end_speakers():
    assert _speakers('وقال الوزير إن الوضع صعب. جاء ذلك في كلمة ألقاها الوزير في معهد واشنطن حيث قال: "لن نسمح بذلك أبدا".') == ["الوزير", "الوزير"]
    assert _speakers('وقال الوزير إن الوضع صعب، وتابع بالقول: "لن نسمح بذلك أبدا".') == ["الوزير", "الوزير"]
    assert _speakers("وأوضح السفير القطري وفقا لما نشرته وزارة خارجية بلاده أن الحصار فشل.") == ["السفير القطري"]


def test_quotes_aydan_and_an_addressee_right_after_the_cue_continue_the_speaker():
    assert _speakers("وقال الرئيس إن الأولوية للاقتصاد. وقال أيضا إنه سيسعى إلى تعزيز العلاقات.") == ["الرئيس", "الرئيس"]
    assert _speakers("لكن المتحدث قال إن المركز مغلق. وقال لوكالة تسنيم للأنباء إن المركز التجاري سيفتح.") == ["المتحدث", "المتحدث"]
    assert _speakers('وقال المغني إن الحفل ألغي، وقال لمحبي الموسيقى: "اذهبوا إلى مكان آخر الليلة".') == ["المغني", "المغني"]
    assert _speakers("وقال لبنان إن الحدود مغلقة.") == ["لبنان"]


def test_quotes_words_in_marks_followed_by_an_or_an_are_the_speaker():
    doc = khabar.extract('وذكرت "وكالة الأنباء الرسمية السورية" أن القوات تقدمت.\n', reference_date="2023-11-05")
    assert [(_speaker(doc, q.speaker), doc.text[q.content.start : q.content.end]) for q in doc.quotes] == [("وكالة الأنباء الرسمية السورية", "القوات تقدمت")]
    doc = khabar.extract('وللمرة الأولى منذ وقف إطلاق النار، أفاد "المرصد السوري لحقوق الإنسان" عن شن الطيران الروسي غارات على مواقع المعارضة.\n', reference_date="2023-11-05")
    assert doc.quotes == []


def test_quotes_an_adverb_or_a_pronoun_after_the_cue_is_no_speaker():
    assert _speakers("وكان التطبيق قد أعلن سابقا أن مطالب السلطات غير قابلة للتطبيق.") == ["التطبيق"]
    assert _speakers('وقال الوالدان إن ابنهما يرفض المغادرة، وقالا له: "هناك فرص عمل كثيرة في المدينة".') == ["الوالدان", "الوالدان"]


def test_quotes_a_name_in_quotation_marks_after_its_head_noun_is_no_speech():
    doc = _extract('وذكرت منظمة "أطباء بلا حدود" أنها عالجت مئات الجرحى، وأعلن تلفزيون "المسيرة" التابع للجماعة أن الغارة أصابت سوقا.')
    assert [(_speaker(doc, q.speaker), q.kind) for q in doc.quotes] == [('منظمة "أطباء بلا حدود', "indirect"), ('تلفزيون "المسيرة', "indirect")]


SPEAKERS = [
    pytest.param("وأنقذت منظمة ألمانية 400 مهاجر، حسب المنظمة الدولية للهجرة التي أعلنت أن 300 آخرين غرقوا قبالة ليبيا.", ["المنظمة الدولية للهجرة"], id="a_cue_in_a_relative_clause_has_the_antecedent_as_speaker"),
    pytest.param("قال المرصد إن الغارات قتلت 20 شخصا.\nوكانت إسرائيل قد أطلقت صواريخ على المواقع ونفذت غارات وصرحت بعدها أن العملية رد على هجوم.", ["المرصد", "إسرائيل"], id="a_joined_cue_has_the_subject_of_the_first_verb"),
    pytest.param("ودعا المبعوث سامي ناصر إلى التوسط بين الأطراف. وقال في مؤتمر صحفي: \"نحن قلقون من موجة نزوح كبيرة\".", ["سامي ناصر"], id="a_continuing_qal_goes_with_the_person_last_named"),
    pytest.param("وألقى الحزب الديمقراطي اللوم على الحكومة، قائلا في بيانه إن الهجوم كان منسقا.", ["الحزب الديمقراطي"], id="a_participle_after_an_unnamed_subject"),
    pytest.param("خلصت دراسة نشرت الاثنين إلى أن درجات الحرارة سترتفع.", ["دراسة نشرت"], id="concluded_that"),
    pytest.param("ويصر المسؤولون على أن الصحفي غادر المبنى، وأصروا على أنه لم يصب بأذى.", ["المسؤولون", "المسؤولون"], id="insist_on_and_past_agreement_endings"),
    pytest.param("لكن المحققين يعتقدون أن اعتداء وقع في المبنى. ويزعمون أن الصحفي قتل داخله.", ["المحققين", "المحققين"], id="beliefs_and_allegations"),
    pytest.param("ذكرت وكالة الأنباء الروسية نقلا عن مصدر دبلوماسي لم تذكر اسمه، أن الوزير سيعقد محادثات في موسكو.", ["مصدر دبلوماسي"], id="a_negated_cue_describes_the_source"),
    pytest.param("وذكرت وسائل إعلام فرنسية في وقت لاحق نقلا عن وزارة الخارجية الفرنسية أن الشاب فرنسي الجنسية.", ["وزارة الخارجية الفرنسية"], id="a_relay_after_a_circumstance"),
    pytest.param("أما وكالة الأنباء الإيرانية فقالت إن الطائرة ارتطمت بجبل.", ["وكالة الأنباء الإيرانية"], id="the_topic_of_amma_speaks_with_fa"),
    pytest.param("إلا أن فرنسا قالت بوضوح إنه لن يتم تخصيص مساعدات لإعادة الإعمار.", ["فرنسا"], id="a_manner_word_after_the_cue_is_no_speaker"),
    pytest.param("وقتل 10 أشخاص عندما صدمت شاحنة المارة، في حادث وصفته الشرطة بأنه \"متعمد\".", ["الشرطة"], id="described_with_an_object_pronoun"),
    pytest.param("وعلق الرئيس الروسي فلاديمير بوتين على الاتهامات بأنها \"هراء وتفاهات وكلام فارغ\".", ["فلاديمير بوتين"], id="commented_on"),
    pytest.param("واتهمت تركيا غولن بأنه العقل المدبر لمحاولة الانقلاب.", ["تركيا"], id="an_accusation_is_its_subjects_not_its_objects"),
    pytest.param("اتهم القائد محمد جعفري بعض الدول، التي وصفها بـ\"الخائنة\"، بأنها متواطئة.", [], id="described_with_bi_is_no_speech"),
    pytest.param("قال أحمد الشيخو، رئيس المكتب الإعلامي لمنظمة الخوذ البيضاء في محافظة إدلب السورية، لشبكة سي إن إن، إن رجلا واحدا على الأقل قتل في الغارات.", ["أحمد الشيخو"], id="a_long_apposition_before_the_complementizer"),
    pytest.param("وقالت وكالة الأنباء إن الطائرة كانت تقل 20 راكبا، مرجحة أن يكون 11 قد قتلوا.", ["وكالة الأنباء", "وكالة الأنباء"], id="a_participle_of_likelihood"),
    pytest.param("رفض الوزير الاتهامات، وقال إنها بغرض الدعاية.", ["الوزير"], id="a_joined_cue_after_a_comma_has_the_unnamed_subject_of_the_first_verb"),
    pytest.param("وقدمت الممثلة الخاصة للأمين العام فرجينيا غامبا تقريرا عن تجنيد الأطفال، وقالت إن المشكلة كبيرة.", ["فرجينيا غامبا"], id="the_name_after_the_title_of_the_first_verbs_subject"),
    pytest.param("ويقول \"المرصد السوري لحقوق الإنسان\" المعارض إن 289 مدنيا على الأقل قتلوا في معركة عفرين.", ["المرصد السوري لحقوق الإنسان"], id="a_name_in_quotation_marks_with_an_adjective_after_it"),
    pytest.param("وقال رئيس بعثة الأمم المتحدة فى جنوب السودان ديفيد شيرر: إن ما ارتكبه الجنود خرق واضح للقواعد.", ["ديفيد شيرر"], id="a_name_after_a_place_phrase_then_a_colon"),
    pytest.param("أصيب 4 أشخاص بإطلاق نار، في حادث وصفته الشرطة بأنه \"حدث خاص\"، فيما أوضحت أن الحادث لا علاقة له بالإرهاب.", ["الشرطة", "الشرطة"], id="quoted_words_are_no_subject_and_fima_opens_another_cue"),
    pytest.param("وذكرت سانا أن الاتفاق الذي كشفت عنه الأنباء \"ينص على خروج المسلحين من المخيم إلى إدلب\".", ["سانا", "سانا"], id="a_cue_in_a_relative_clause_with_a_resumptive_pronoun_does_not_take_the_quotation"),
    pytest.param("وقال مدير مكتب المجلس النرويجي للاجئين في سوريا، إريك أبيلد: \"نحن نشعر بالقلق بأن هذا الوضع قد يتفاقم\".", ["إريك أبيلد"], id="the_name_between_a_comma_and_a_colon_after_a_title_with_li_and_fi"),
    pytest.param("وقالت الحكومة إن الوضع صعب. وامتنع أحد مسؤولي الشركة في العاصمة عن التعليق قائلاً إن الشركة تتواصل عبر بيانات مكتوبة.", ["الحكومة", "أحد مسؤولي الشركة"], id="a_participle_after_a_count_of_people_as_subject"),
    pytest.param("وقال بلال أبو صلاح إن الوضع صعب. وقد أكدت الوكالة الرسمية، الأحد، خروج أشخاص من دوما، وذكرت في خبر نشر: \"أفاد موفد الوكالة ببدء إخراج عدد من الأشخاص\".", ["بلال أبو صلاح", "الوكالة الرسمية"], id="a_joined_cue_after_qad_and_a_speech_verb"),
    pytest.param("بدأت أول حملة تطعيم ضد المرض بعد أزمة تتعلق بأنظمة الصرف الصحي ومعالجة المياه لكن منظمة الصحة العالمية قالت إنها لم تحصل على إذن.", ["منظمة الصحة العالمية"], id="lakin_opens_the_subjects_clause_without_a_comma"),
    pytest.param("وأشارت التقارير إلى مقتل عشرة أشخاص في التفجير، غير أن رئيس دائرة الشرطة المحلية قال إن عدد القتلى هو سبعة.", ["رئيس دائرة الشرطة المحلية"], id="ghayr_anna_is_however_not_a_complementizer"),
    pytest.param("وقال منسق الأمم المتحدة للشؤون الإنسانية في سوريا بانوس مومتزيس إن عدد القتلى بلغ 7 أشخاص.", ["بانوس مومتزيس"], id="the_name_before_the_complementizer_after_a_long_title"),
    pytest.param("بدأ الزفزافي إضرابا عن الطعام بعدما \"تعرض منذ اعتقاله لتعذيب فظيع ولمعاملة حاطة بالكرامة\"، حسبما أعلنت محامية من هيئة الدفاع عنه.", ["محامية"], id="a_source_after_the_quotation_with_the_rest_of_its_description"),
    pytest.param("وأضاف المتحدث أن الوضع صعب. وغادر الآلاف الملاجئ \"بعد إنهائهم المسح الأمني والتدقيق\"، وفقاً لقوله.", ["المتحدث", "المتحدث"], id="according_to_his_saying_is_the_speaker_before"),
    pytest.param("وشهدت المدينة \"مزيدا من القصف والمزيد من القتال\"، وفقاً لما ذكره منسق الشؤون الإنسانية، مارك لوكوك، هذا الأسبوع.", ["مارك لوكوك"], id="source_after_the_quotation_with_a_report_verb_and_a_name_after_the_title"),
    pytest.param("وقال المتحدث باسم وكالة التخفيف من الكوارث، سوتوبوبو بورو نوغروهو، إن ثوران البركان حدث صباح الجمعة.", ["سوتوبوبو بورو نوغروهو"], id="the_name_between_commas_after_a_long_title"),
    pytest.param('وغرد الدفاع المدني السوري المعروف بـ "الخوذ البيضاء" على "تويتر" أن الضحايا سقطوا في 75 غارة جوية.', ["الدفاع المدني السوري"], id="tweeted_and_known_as"),
    pytest.param("ونبهت السلطات إلى أن المنطقة ستشهد المزيد من الأمطار في الأيام المقبلة.", ["السلطات"], id="alerted_to"),
    pytest.param("حذرت مجدداً إسرائيل من أنها لن تسمح بالتواجد الإيراني في سوريا.", ["إسرائيل"], id="warned_again"),
    pytest.param("ووقع الحادث قرب القاعدة الجوية، وفقا للوكالة التي أشارت إلى أن أسباب وقوع الحادث لا تزال مجهولة.", ["وكالة"], id="an_according_antecedent_loses_its_li"),
    # expectations and what a video shows are no speech
    pytest.param("ومن المتوقع أن تؤدي العواصف الرعدية إلى تزايد قوة النيران.", [], id="it_is_expected"),
    pytest.param("وتوقعت حكومة الولاية أن يستمر ارتفاع منسوب النهر.", ["حكومة الولاية"], id="expected_by_a_named_subject"),
    pytest.param("وقال الوزير إن الوضع صعب. ويتوقع أن تستمر الأزمة، والخلاف الحاد يتوقع أن يستمر.", ["الوزير"], id="passive_yutawaqqa_names_no_one"),
    pytest.param("وأظهر مقطع فيديو رجلا يشهر مسدسا في وجه الشرطة.", [], id="a_video_showed"),
    pytest.param("وأظهر الاستطلاع أن 7 من كل 10 أشخاص لا يثقون بالرئيس.", ["الاستطلاع"], id="a_survey_showed_that"),
    pytest.param("أظهرت نتائج التعداد العام الفلسطيني، الأربعاء، أن عدد الفلسطينيين زاد.", ["نتائج التعداد العام الفلسطيني"], id="showed_with_a_date_between_commas"),
    pytest.param("وبث التلفزيون الرسمي التركي أنه تم إرسال أكثر من مئة سيارة إسعاف.", ["التلفزيون الرسمي التركي"], id="broadcast_that"),
    pytest.param("ووصفت الصحيفة الهجوم بأنه عمل جبان وخطير.", ["الصحيفة"], id="described_a_noun_after_the_subject"),
    pytest.param("وهناك وصيفة أخرى، التي أظهرت ارتياحها بعد انتهاء مهمتها، وذلك بأن مسحت جبينها.", [], id="showed_her_relief_then_a_comma"),
    pytest.param("في ظاهرة \"تحصل مرة كل 500 سنة\"، على حد وصف مسؤول محلي.", ["مسؤول محلي"], id="as_described_by"),
    pytest.param("وتبعاً لـ \"لوس انجيلس تايمز\"، فإن أحد المتسابقين فتح النار على المشاركين.", ["لوس انجيلس تايمز"], id="according_to_tabaan_li"),
    pytest.param("ورفض المدرب الخوض في الحديث عن مصيره، واكتفى بالقول إنه سيكشف عن هذا الأمر بعد المباراة.", ["المدرب"], id="bil_qawl_goes_with_the_subject"),
    pytest.param("ونوه أبو قطيش إلى أنه لم تتم محاسبة أي جندي على ذلك.", ["أبو قطيش"], id="nawwaha_ila_anna"),
    pytest.param("ونوه بأهمية اللقاء مع الهيئة، مشيراً إلى أنها ستنعكس على تطوير العمل.", [], id="nawwaha_bi_praises_and_names_no_subject"),
    pytest.param("وأوضح الرئيس أن الأساتذة سيحملون سلاحهم، لكن دون أن يعلن قراراً حاسماً حول المسألة، مضيفاً أن \"الأمر ينطبق على الأساتذة المدربين\".", ["الرئيس", "الرئيس"], id="a_cue_after_without_is_not_said"),
    pytest.param("يتعلق التحقيق باتهامات من رجل أعمال يدعى زياد تقي الدين يقول إنه نقل الأموال بنفسه.", ["زياد تقي الدين"], id="a_name_right_before_a_bare_cue_is_its_subject"),
    pytest.param("وذكرت لائحة الاتهام أن الشاعرة نشرت شريط فيديو.", ["لائحة الاتهام"], id="a_noun_beginning_with_lam_is_no_addressee"),
    pytest.param("وقال سفير الكويت لدى الأمم المتحدة منصور العتيبي بعد ظهر الجمعة لصحافيين إن \"هذا موضوع يجب أن يهتم به مجلس الأمن\".", ["منصور العتيبي"], id="a_title_with_its_lada_phrase_then_a_name_then_when_and_to_whom"),
    pytest.param("وتقدر الأمم المتحدة أن نحو 400 ألف شخص محاصرون داخل الغوطة.", ["الأمم المتحدة"], id="estimates_that"),
    pytest.param("وقال عمدة المدينة، أمان توليفيف، صباح الإثنين، إن عائلات الضحايا ستحصل على تعويض.", ["أمان توليفيف"], id="an_unknown_name_between_commas_after_a_title"),
    pytest.param("وقال المتحدث، الذي رفض الكشف عن اسمه، إن الوضع صعب.", ["المتحدث"], id="a_relative_clause_between_commas_is_no_name"),
    pytest.param("أعلن ابراهيم كالين المتحدث باسم الرئيس التركي رجب طيب أردوغان أن حالة الطوارئ لن يتم تمديدها.", ["ابراهيم كالين"], id="a_name_then_his_title_naming_another"),
    pytest.param("وقالت الجمعية الخيرية إنها تساعد الفقراء. وتحدثت ميركل منتقدة قرار الجمعية. وقالت \"لا ينبغي لشخص أن يدير خدمات للناس بهذا التصنيف\".", ["الجمعية الخيرية", "ميركل"], id="a_person_who_spoke_without_a_quote_goes_on"),
    pytest.param("وأعرب دانيل ماك آرثر، المدير العام للمخبز، عن سعادته بالقرار. وقال من أمام المحكمة: \"أعرف أن كثيرين سيكونون سعداء\".", ["دانيل ماك آرثر"], id="expressed_then_said"),
    pytest.param("وقال أحمد الشيخو إن الوضع صعب. دعا رجل الدين الشيعي العراقي، مقتدى الصدر، الخميس، إلى عقد جلسة بالبرلمان، قائلاً: \"صبرنا ينفد\".", ["أحمد الشيخو", "مقتدى الصدر"], id="a_participle_after_a_first_verb_its_title_and_the_name_between_commas"),
    pytest.param("وقال ضابط إن الوضع صعب. وأضاف طالبا عدم الكشف عن هويته \"تعرضوا لهجوم شنه مسلحون\".", ["ضابط", "ضابط"], id="asking_not_to_be_named_is_no_speaker"),
    pytest.param("ويقول إيدي سانشيز إن درجات حرارة الحمم وصلت إلى 700 درجة. \"لم يستطع الجميع الفرار. أعتقد أنهم دفنوا\"، حسبما قالت كونسويلو هيرنانديز لصحيفة محلية.", ["إيدي سانشيز", "كونسويلو هيرنانديز"], id="a_quotation_of_two_sentences_with_its_source_after_it"),
    pytest.param("وقال ديفيد دي ليون إن الجثث وجدت. ولم تتمكن السلطات من تحديد عدد المحاصرين، وتقول إنها تخشى من ارتفاع عدد القتلى.", ["ديفيد دي ليون", "السلطات"], id="a_joined_cue_after_a_negated_first_verb"),
    pytest.param("واستقطبت الهيئة نجوم العالم في فعاليات لا ينقصها التنظيم بقدر الحاجة إلى الاهتمام بتصديرها، خاصة أن التجربة ناجحة.", [], id="biqadr_is_no_cue"),
]


@pytest.mark.parametrize("text, expected", SPEAKERS)
def test_quotes_speakers(text, expected):
    assert _speakers(text) == expected


def test_quotes_masculine_participle_goes_with_the_one_quoted_not_a_feminine_conveyor():
    sp = _speakers("ونقلت القناة عن مدير مستشفى حجة أن هناك 30 طفلا بين الجرحى، مشيرا أن ثلاثة من هؤلاء الأطفال خضعوا لعمليات.")
    assert len(sp) == 2 and all("مدير مستشفى حجة" in s for s in sp)
    sp = _speakers("ونقلت الصحيفة عن شهود قولهم إن الشرطة وصلت متأخرة، مشيرة إلى أن المنطقة مغلقة.")
    assert len(sp) == 2 and sp[1] == "الصحيفة"


def test_quotes_reporting_from_someone_is_conveying():
    doc = _extract('وأوردت وكالة الأنباء السعودية عن المتحدث الإعلامي لشرطة منطقة مكة "إقدام أحد الوافدين على القفز من السطح".')
    assert [(_speaker(doc, q.speaker), _speaker(doc, q.via)) for q in doc.quotes] == [("المتحدث الإعلامي لشرطة منطقة مكة", "وكالة الأنباء السعودية")]
    assert _speakers("وأوردت الوكالة أن الطائرة سقطت في الجبل.") == ["الوكالة"]


def test_quotes_a_statement_given_by_li_someone_is_theirs_not_the_interviewers():
    sp = _speakers('وقال الرئيس الأمريكي دونالد ترامب إن الوضع صعب. جاء ذلك في مقابلة لترامب مع الصحفية كريستيان امانبور، حيث قال: "المشكلة الأساسية في سوريا هي السياسة المترددة".')
    assert sp == ["دونالد ترامب", "دونالد ترامب"]


def test_quotes_three_letter_addressee_with_li_is_not_the_speaker():
    sp = _speakers("وكانت مصادر أمنية قالت لبي بي سي إن الانفجار وقع في خزانات وقود.")
    assert sp == ["مصادر أمنية"]


def test_quotes_the_name_between_commas_after_a_relayed_title():
    doc = _extract("ونقلت وكالة الجمهورية الإيرانية للأنباء، الأحد، عن وزير المخابرات الإيراني، محمود علوى، قوله إن وزارته ساعدت في كشف الخلايا.")
    assert [(_speaker(doc, q.speaker), _speaker(doc, q.via)) for q in doc.quotes] == [("محمود علوى", "وكالة الجمهورية الإيرانية")]


def test_quotes_a_line_opening_with_a_speaker_and_a_colon():
    doc = _extract("قال الوزير إن الوضع صعب في اليمن.\nاليونيسيف: مليونا طفل يمني باتوا خارج المدرسة.\n")
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes][1] == ("اليونيسيف", "مليونا طفل يمني باتوا خارج المدرسة")
    # a dateline is no speaker
    assert not _extract("القاهرة: أعلنت الحكومة خطة جديدة للإصلاح الاقتصادي.").quotes


def test_quotes_the_subject_after_a_publishing_verb_that_opens_the_clause():
    sp = _speakers('نشرت صحيفة "صباح" التركية أسماء 15 شخصا تقول إنهم من المخابرات.')
    assert sp and sp[0].startswith("صحيفة")


def test_quotes_a_short_utterance_after_a_colon():
    doc = _extract('وقال الوزير: "الموانئ مغلقة".')
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [("الوزير", "الموانئ مغلقة")]
    # a two-word title in quotation marks without a colon is no speech
    assert not _extract('وتحدث الوزير عن "حرب مدمرة" في المنطقة.').quotes


def test_quotes_the_letters_of_a_dotted_acronym_are_no_complementizer():
    doc = _extract("ذكرت محطة (سي.إن.إن ترك) التلفزيونية، الخميس، أن الادعاء أمر باحتجاز 70 ضابطا.")
    assert [_content(doc, q) for q in doc.quotes] == ["الادعاء أمر باحتجاز 70 ضابطا"]


def test_quotes_a_quotation_right_after_kama_qala_is_speech_not_its_source():
    doc = _extract('وقال المحافظ إن السلطات تتحرك. كما قال "سنفعل كل ما بوسعنا لمساعدة الجرحى"، مضيفا "أمرت الإدارة بألا تدخر أي جهد".')
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [
        ("المحافظ", "السلطات تتحرك"),
        ("المحافظ", "سنفعل كل ما بوسعنا لمساعدة الجرحى"),
        ("المحافظ", "أمرت الإدارة بألا تدخر أي جهد"),
    ]


def test_quotes_a_participle_after_an_opening_clause_goes_with_the_person_after_the_main_verb():
    doc = _extract("في الوقت الذي تشهد فيه أوروبا جدلا واسعا حول الهجرة واللجوء، دعا الرئيس الفرنسي إيمانويل ماكرون، إلى احترام الحريات في بلاده، للحفاظ على وحدة المجتمع، مشيرا إلى أنه يحترم كل الأديان.")
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [("إيمانويل ماكرون", "يحترم كل الأديان")]


def test_quotes_according_to_with_fa_inna_and_no_comma():
    doc = _extract("وبحسب شهادات أدلى بها عدد من المسافرين فإن الباب انفتح في الجو.")
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [("شهادات أدلى بها عدد من المسافرين", "الباب انفتح في الجو")]


def test_quotes_a_few_quoted_words_the_reported_clause_goes_on_after():
    # the quoted words are the clause's subject: the clause is the quote, the words no quote of their own
    doc = _extract('وذكر المدير الإقليمي للمنظمة، جيرت كابيلير، في مقابلة نشرت السبت بأن "مئات العائلات فقط" تمكنت من الخروج من المدينة.')
    assert [_content(doc, q) for q in doc.quotes] == ['"مئات العائلات فقط" تمكنت من الخروج من المدينة']
    # a quotation that is the whole clause stays direct speech
    doc = _extract('وقال الوزير إن "الوضع خطير جدا".')
    assert [(q.kind, _content(doc, q)) for q in doc.quotes] == [("direct", "الوضع خطير جدا")]


@pytest.mark.parametrize("text,name", [
    ("وقال المتحدث باسم المجموعة المسلحة، ماي آيك كياو، لوكالة فرانس برس إن القتال مستمر.", "ماي آيك كياو"),
    ("وقال الرئيس الأميركي، دونالد #ترمب، الخميس، إن العقوبة رادعة.", "دونالد #ترمب"),
])
def test_quotes_the_name_between_commas_after_a_title_even_when_the_tagger_misreads_it(text, name):
    # the tagger reads these names as an organisation or a place: after a person's title between
    # commas they are still the person who speaks
    assert _speakers(text) == [name]


def test_quotes_according_to_a_quotation_is_one_direct_quote_and_the_reporter_after_its_verb():
    doc = _extract('وبحسب البروفيسور ستيوارث راسل فإن "هذا الفيلم أكثر من مجرد تكهنات، إنه يبين نتائج دمج السلاح".')
    assert [(q.kind, _speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [
        ("direct", "ستيوارث راسل", "هذا الفيلم أكثر من مجرد تكهنات، إنه يبين نتائج دمج السلاح")
    ]
    assert _speakers("وبحسب ما نقلت وكالة الأنباء الرسمية فإن الجهاز يستطيع قياس الرائحة.") == ["وكالة الأنباء الرسمية"]
    # a reporting verb with its object pronoun; a bracket opened in the name closes in it
    assert _speakers("وبحسب ما نقلته وكالة الأنباء السورية (سانا)، فقد قتل 13 مدنيا.") == ["وكالة الأنباء السورية (سانا)"]


def test_quotes_what_a_description_is_about_is_not_its_speaker():
    doc = _extract('وقال المحامي هادي وردان إن هذه سادس حالة. ووصف ما تعرض له المختطف من اختطاف بأنها "جرائم ابادة ضد الإنسانية".')
    first, second = (q.speaker for q in doc.quotes)
    assert "وردان" in _speaker(doc, first) and second == first


def test_quotes_a_full_name_between_commas_after_a_title_ending_on_a_mistaken_person():
    assert _speakers("وقال مدير معسكر أرتيك، أليكساي كاسبارزاك، لخدمة بي بي سي الروسية إنه لم يكن يعرف أمر قدوم أبناء الأسد.") == ["أليكساي كاسبارزاك"]


def test_quotes_according_to_what_a_paper_reported_has_the_paper_as_speaker():
    assert _speakers('ووفق ما أوردت صحيفة "تلغراف" البريطانية، السبت، فقد أجرى باحثون دراسة.') == ['صحيفة "تلغراف" البريطانية']


def test_quotes_a_counted_noun_before_a_plural_cue_says_it():
    assert _speakers("واستندت المنظمة إلى مقابلات مع ثمانية ناجين قالوا إنه تم جمع العشرات وتغطية أعينهم.") == ["ثمانية ناجين"]
    # a singular cue after a counted noun is the publisher's
    assert _speakers('نشرت صحيفة "صباح" التركية أسماء 15 شخصا تقول إنهم من المخابرات.') != ["15 شخصا"]


def test_quotes_several_parties_after_each_of():
    (who,) = _speakers("وقد قال كل من نائب محافظ أربيل طاهر عبد الله ومسؤولون أمنيون قبل ذلك إن مسلحين اقتحما مبنى المحافظة.")
    assert "طاهر عبد الله" in who


def test_quotes_a_speaker_named_in_brackets_after_the_cue():
    assert _speakers("وقالت (إس.أو.إس ميديتريني) في بيان إن السفينة أنقذت أمس 30 شخصا من على متن قارب.") == ["إس.أو.إس ميديتريني"]


def test_quotes_a_person_named_right_before_inna_past_the_title_phrases():
    assert _speakers("وقالت المسؤولة الإقليمية عن الصحة العامة في موتريال ميلين دروان إن عدد الوفيات بلغ 18 شخصا.") == ["ميلين دروان"]
    # the name between commas after the title still speaks
    assert _speakers("وقال وزير الداخلية اللبناني، نهاد المشنوق، منتصف ليل الأحد، إن الانتخابات جرت بهدوء.") == ["نهاد المشنوق"]


def test_quotes_the_name_after_a_title_with_its_fi_phrase_in_an_according_to_after_the_quote():
    assert _speakers('"المزيد من الأمر ذاته،" وفقاً لما ذكره منسق الشؤون الإنسانية والإغاثة في حالات الطوارئ، مارك لوكوك، لمجلس الأمن الدولي هذا الأسبوع.') == ["مارك لوكوك"]


def test_quotes_the_name_after_a_title_and_its_fi_phrase_before_a_statement_to_outlets():
    assert _speakers('وأكد قائد "لواء الحسم" في الجيش الوطني العميد هادي حمران الجعيدي في تصريح لقناتي "العربية" و"الحدث" أن القوات تقدمت.') == ["هادي حمران الجعيدي"]


def test_quotes_a_noun_of_speech_with_anna_reports_its_genitives_words():
    assert _speakers("فوجئت السفينة بإعلان السلطات الإيطالية أن الموانئ مغلقة أمام المهاجرين.") == ["السلطات الإيطالية"]
    assert _speakers("وهذا يفند مزاعم إسرائيل بأن المسيرات كانت عنيفة.") == ["إسرائيل"]
    # with «لـ» it is what something was for, and it does not cut the speaker's words
    assert _speakers("وقالت رئيسة الجهاز، علا عوض، في مراسم لإعلان نتائج التعداد، إن عدد السكان بلغ مليونين.") == ["علا عوض"]
    # without «أن» nothing is reported
    assert _speakers("وأعلنت الحكومة حالة الطوارئ بعد إعلان الجيش السيطرة على المدينة.") == []


def test_quotes_a_title_line_names_its_speaker_only_when_it_is_one():
    assert _speakers('منظمة "أنقذوا الأطفال": جيل كامل من أطفال اليمن يواجه خطر القتل\n') == ['منظمة "أنقذوا الأطفال']
    assert _speakers("جيش الإسلام لـCNN: نتفاوض مع الروس للبقاء في الغوطة\n") == ["جيش الإسلام"]
    # a headline naming a topic, not a speaker, is no quote
    assert _speakers('حكاية "نوبل": من الديناميت للسلام في العالم\n') == []
    assert _speakers("الانتخابات الباكستانية: أبرز الشخصيات والأحزاب المتنافسة\n") == []


def test_quotes_a_conveying_verb_with_no_an_reports_on_its_own():
    assert _speakers("ونقلت وكالة أنباء الأناضول أن جهاز الاستخبارات التركي اعتقل يوسف نازيك.") == ["وكالة أنباء الأناضول"]
    assert _speakers("ونقلت الوكالة عن مسؤول أن الوضع هادئ.") == ["مسؤول"]


def test_quotes_chanted_words_are_the_chanters():
    assert _speakers('وردد المحتجون "الشعب يريد إسقاط النظام".') == ["المحتجون"]


def test_quotes_the_name_ali_written_with_ya_does_not_end_a_speaker_as_the_preposition_does():
    (speaker,) = _speakers("ونقلت الوكالة عن حاكم المدينة علي مرداني قوله إن الطائرة سقطت.")
    assert speaker.endswith("علي مرداني")
    assert _speakers("وقال المتحدث على هامش المؤتمر إن الوضع هادئ.") == ["المتحدث"]


def test_quotes_a_noun_of_speech_names_its_speaker_and_lends_no_one_to_what_follows():
    # what is alleged is not who alleges it
    assert _speakers('قال الرئيس عن مزاعم التدخل الروسي في الانتخابات إن "بوتين يقول إن روسيا لم تقم بذلك".') == ["الرئيس"]
    # a claim told inside a phrase does not make its speaker the one who goes on
    doc = _extract('وقال كافانو: "لن أذهب إلى أي مكان". يأتي ذلك بعد يوم من ادعاء إحدى زميلاته أنه خلع ملابسه. وأضاف: "لن أسمح للادعاءات الكاذبة بأن تخرجني".')
    assert [_speaker(doc, q.speaker) for q in doc.quotes][-1] == "كافانو"


def test_quotes_who_published_a_statement_said_what_is_in_it():
    assert _speakers("وأصدرت الوزارة بيانا قالت فيه إن الوضع هادئ.") == ["الوزارة"]
    assert _speakers("أصدرت حركة حماس بيانا، أكدت فيه أن الهجوم فشل.") == ["حركة حماس"]


def test_quotes_the_nearer_noun_of_speech_owns_the_complementizer():
    doc = _extract("وكان مدنيون كشفوا استمرار قادة الميليشيات باتخاذ إجراءات تحرم المدنيين من المساعدات، على الرغم من تأكيد المنظمات الإنسانية أن الحديدة من أكثر المحافظات فقرا.")
    (quote,) = doc.quotes
    assert _speaker(doc, quote.speaker) == "المنظمات الإنسانية"
    assert doc.text[quote.content.start : quote.content.end].startswith("الحديدة")


def test_quotes_passive_believe_is_the_articles_hedge_not_a_quote():
    # «ويعتقد أن» with no subject: the article's own hedge
    assert _speakers("ويعتقد أن تنظيم الدولة الإسلامية فجرها.") == []
    # inside reported speech it neither cuts the content nor opens a quote of its own
    doc = _extract("وقالت وسائل إعلام روسية إن عشرات آخرين، يعتقد أن من بينهم أطفال، لا يزالون مفقودين.")
    (q,) = doc.quotes
    assert _speaker(doc, q.speaker) == "وسائل إعلام روسية"
    assert _content(doc, q).endswith("لا يزالون مفقودين")
    # after «وفقا لـX» it is X's
    doc = _extract("ووفقا لشهود من الناجين يُعتقد أن 21 آخرين كانوا على متن القارب.")
    assert [_speaker(doc, q.speaker) for q in doc.quotes] == ["شهود من الناجين"]


def test_quotes_a_word_of_time_after_the_cue_names_no_speaker():
    doc = _extract('وكان المستشار المحافظ سيباستيان كورتز، قد أعلن قبلاً أن "لا مكان للمجتمعات الموازية والتطرف في بلادنا".')
    assert [_speaker(doc, q.speaker) for q in doc.quotes] == ["سيباستيان كورتز"]


def test_quotes_a_name_between_commas_after_a_title_may_hold_allah():
    doc = _extract("وقال المتحدث باسم حاكم إقليم ننكرهار، عطاء الله خوجياني، إن دوي ثلاثة انفجارات على الأقل سمع في بداية الهجوم.")
    assert [_speaker(doc, q.speaker) for q in doc.quotes] == ["عطاء الله خوجياني"]


def test_quotes_a_participle_goes_with_a_country_after_an_opener():
    doc = _extract('واعتبر الاتحاد الإسلامي التركي إعادة تمثيل المعركة "أمراً مؤسفاً للغاية".\nمن جهتها، نددت تركيا بقرار النمسا طرد عشرات الأئمة، معتبرة أنه "معادٍ للإسلام" و"عنصري".')
    assert [_speaker(doc, q.speaker) for q in doc.quotes] == ["الاتحاد الإسلامي", "تركيا"]


def test_quotes_chanted_slogans_are_speech_however_short():
    doc = _extract('وفيما كانت الشرطة تعتقل نافالني هتف بعض أنصاره "عار" بالأوكرانية.')
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [("بعض أنصاره", "عار")]
    doc = _extract('وهتف متظاهرون "الولاية الرابعة في السجن" و"سئمنا منك" بحسب مراسلي وكالة الأنباء الفرنسية.')
    assert [(_speaker(doc, q.speaker), _content(doc, q)) for q in doc.quotes] == [("متظاهرون", "الولاية الرابعة في السجن"), ("متظاهرون", "سئمنا منك")]
    # a short quoted word with no chant is a scare quote
    doc = _extract('ووصف الوزير الهجوم بأنه "جبان" في بيان.')
    assert "جبان" not in [_content(doc, q) for q in doc.quotes]
