"""The events stage on sentences written for these tests: types, arguments, status, evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.document import Document, Event

Analyse = Callable[..., Document]


def names(doc: Document, ids: list[str]) -> list[str]:
    return [doc.actor(i).name for i in ids if doc.actor(i)]  # type: ignore[union-attr]


def event(doc: Document, type_: str) -> Event:
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_} event in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def test_planned_visit_with_actor_recipient_date_and_place(analyse: Analyse) -> None:
    doc = analyse("سيزور وزير الخارجية الإيراني موسكو الأسبوع المقبل لبحث التعاون.")
    visit = event(doc, "CONSULT")
    assert visit.mode == "visit" and visit.status == "planned"
    actor = doc.actor(visit.actor[0])
    assert actor is not None and actor.country == "IRN"
    assert names(doc, visit.recipient) == ["Russia"]
    assert visit.when is not None and visit.when["text"] == "الأسبوع المقبل"
    assert visit.where is not None and visit.where["name"] == "Moscow"
    assert doc.text[visit.trigger.start : visit.trigger.end] == visit.trigger.text
    assert visit.cameo and visit.cameo.startswith("04")


def test_nominal_event_takes_its_genitive_as_actor(analyse: Analyse) -> None:
    doc = analyse("أثارت زيارة كيم جونغ أون إلى روسيا قلقاً في واشنطن.")
    visit = event(doc, "CONSULT")
    assert names(doc, visit.actor) == ["Kim Jong Un"]
    assert names(doc, visit.recipient) == ["Russia"]


def test_denial_makes_the_embedded_event_denied(analyse: Analyse) -> None:
    doc = analyse("نفت الحكومة العراقية أن تكون قد زودت إيران بالأسلحة.")
    reject = event(doc, "REJECT")
    assert reject.status == "asserted"
    supply = event(doc, "AID")
    assert supply.status == "denied" and supply.claim is not None


def test_accusation_makes_the_embedded_event_alleged(analyse: Analyse) -> None:
    doc = analyse("اتهمت تركيا الجيش السوري بقصف قرى حدودية.")
    accuse = event(doc, "ACCUSE")
    accuser = doc.actor(accuse.actor[0])
    assert accuser is not None and accuser.country == "TUR" and accuse.status == "asserted"
    attack = event(doc, "ASSAULT")
    assert attack.status == "alleged"


def test_possibility_and_joint_exercises(analyse: Analyse) -> None:
    doc = analyse("بحثت مصر والأردن إمكانية إجراء مناورات عسكرية مشتركة.")
    exercises = event(doc, "COOPERATE")
    assert exercises.status == "possible"


def test_negation_denies_a_verb(analyse: Analyse) -> None:
    doc = analyse("لم يزر الرئيس الفرنسي الجزائر هذا العام.")
    assert event(doc, "CONSULT").status == "denied"


def test_english_events(analyse: Analyse) -> None:
    doc = analyse("Israel will send aid to Gaza next week, officials said.", language="en")
    aid = event(doc, "AID")
    assert aid.status == "planned" and names(doc, aid.actor) == ["Israel"]
    doc = analyse("Thousands of protesters rallied in Tunis on Friday.", language="en")
    assert event(doc, "PROTEST").where is not None


def test_historical_background_stays_asserted_with_its_own_date(analyse: Analyse) -> None:
    doc = analyse("عقد بوتين وأردوغان أول قمة بينهما في عام 2019.")
    summit = event(doc, "CONSULT")
    assert summit.status == "asserted" and summit.when is not None
    assert summit.when["start"] == "2019-01-01"


def test_captions_removed_by_cleaning_give_no_events(analyse: Analyse) -> None:
    text = (
        "قالت الخارجية إن الوزير سيزور القاهرة.\n"
        "جنود يطلقون النار خلال اشتباكات في الخرطوم. الصورة: رويترز"
    )
    doc = analyse(text)
    assert any(r.kind == "caption" for r in doc.removed)
    assert not any(e.type == "ASSAULT" for e in doc.events)


def test_supply_asserted_by_one_party_and_denied_by_another_is_contested(analyse: Analyse) -> None:
    doc = analyse(
        "اتهمت الولايات المتحدة كوريا الشمالية بتزويد روسيا بالأسلحة. "
        "ونفت كوريا الشمالية الاتهامات بنقل أسلحة إلى روسيا."
    )
    statuses = {e.id: e.status for e in doc.events if e.type == "AID"}
    assert doc.contested, statuses
    group = doc.contested[0]
    assert {statuses[g] for g in group if g in statuses} >= {"alleged", "denied"}


def test_a_happening_verb_anchors_a_bare_event_noun(analyse: Analyse) -> None:
    # No actor, date or known place: only the verb says the protest happened.
    doc = analyse("واندلعت مظاهرة غاضبة في منطقة نائية.")
    assert [e.type for e in doc.events] == ["PROTEST"]
    doc = analyse("A demonstration broke out in a remote district.", language="en")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_without_a_happening_verb_a_bare_event_noun_is_generic(analyse: Analyse) -> None:
    assert analyse("إن المظاهرات حق مشروع للشعوب.").events == []
    assert analyse("A demonstration of goodwill would help.", language="en").events == []


def test_the_white_house_speaks_for_the_us_and_its_report_is_alleged(analyse: Analyse) -> None:
    doc = analyse(
        "The White House said Russia was secretly negotiating with North Korea.", language="en"
    )
    (claim,) = doc.claims
    speaker = doc.actor(claim.speaker or "")
    assert speaker is not None and speaker.country == "USA" and speaker.sector == "GOV"
    consult = event(doc, "CONSULT")
    assert consult.claim == claim.id and consult.status == "alleged"
    assert names(doc, consult.actor) == ["Russia"]


def test_a_shell_company_is_no_shelling(analyse: Analyse) -> None:
    doc = analyse("The minister set up a shell company in Cyprus last year.", language="en")
    assert "ASSAULT" not in [e.type for e in doc.events]
    doc = analyse("Russian forces shelled the town on Monday.", language="en")
    assert [e.type for e in doc.events] == ["ASSAULT"]


def test_stone_throwing_is_a_violent_protest_and_a_salvo_is_not(analyse: Analyse) -> None:
    doc = analyse("ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة في وسط المدينة.")
    protest = event(doc, "PROTEST")
    assert protest.mode == "riot" and protest.trigger.text.endswith("رشق")
    assert "PROTEST" not in [e.type for e in analyse("وأطلقت الفصائل رشقات صاروخية أمس.").events]


def test_a_threatened_action_is_only_possible(analyse: Analyse) -> None:
    doc = analyse(
        "Iran threatened to cut off electricity to Armenia over unpaid bills.", language="en"
    )
    assert event(doc, "THREATEN").status == "asserted"
    assert event(doc, "COERCE").status == "possible"
    ar = analyse("وهددت إيران بقطع الكهرباء عن أرمينيا بسبب الديون.")
    assert all(e.status == "possible" for e in ar.events if e.type != "THREATEN")


def test_coordinated_actors_keep_the_article_and_titles_between_them(analyse: Analyse) -> None:
    doc = analyse("Russia and the United States agreed to a ceasefire on Monday.", language="en")
    assert names(doc, event(doc, "AGREE").actor) == ["Russia", "United States"]
    doc = analyse(
        "واتفق الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ على تعزيز التعاون."
    )
    assert names(doc, event(doc, "AGREE").actor) == ["Vladimir Putin", "Xi Jinping"]


def test_a_claims_coordinated_speakers_all_act_in_its_event(analyse: Analyse) -> None:
    # "signed" is both a reporting cue and the event: the claim names one speaker, the
    # event keeps every name of the coordinated subject
    doc = analyse(
        "Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov today signed a "
        "treaty of friendship.",
        language="en",
        statistical_ner=True,
    )
    signed = [e for e in doc.events if "signed" in e.trigger.text]
    assert signed, [(e.type, e.trigger.text) for e in doc.events]
    assert set(names(doc, signed[0].actor)) == {"Muammar Gaddafi", "Todor Zhivkov"}


def test_english_event_noun_takes_the_subject_of_its_verb(analyse: Analyse) -> None:
    pytest.importorskip("spacy")
    from khabar.actors.english_ner import load_english_ner

    if load_english_ner() is None:
        pytest.skip("no English spaCy model installed")
    doc = analyse("The army tightened its siege of the old town.", language="en")
    assert names(doc, event(doc, "COERCE").actor) == ["military"]
    # a pronoun subject in a claim's content is the speaker, and the act is the speaker's own
    doc = analyse(
        "President Emmanuel Macron announced that he will extend the curfew in Paris.",
        language="en",
    )
    curfew = event(doc, "COERCE")
    assert names(doc, curfew.actor) == ["Emmanuel Macron"]
    assert curfew.status != "alleged"
    # a word the claims stage reads as a cue ("attacks") still takes the parse's subject
    doc = analyse(
        "Jordan's military has carried out several attacks on the Syrian army.", language="en"
    )
    assert names(doc, event(doc, "ASSAULT").actor) == ["Jordan military"]


def test_an_adjunct_ends_the_complement_of_a_status_cue(analyse: Analyse) -> None:
    doc = analyse("The two sides agreed to a ceasefire after two days of fighting.", language="en")
    # the fighting is past: "agreed to" does not reach across "after"
    assert event(doc, "ASSAULT").status == "asserted"
    doc = analyse("Russia decided to send troops to the border.", language="en")
    assert event(doc, "MOBILIZE").status == "planned"


def test_the_counterpart_of_a_possible_deal_is_possible(analyse: Analyse) -> None:
    text = (
        "وسيبحث الوزيران إمكانية تزويد مصر روسيا بالقمح. وفي المقابل، ستزود موسكو القاهرة بالأسلحة."
    )
    doc = analyse(text)
    supplies = [e for e in doc.events if e.type == "AID"]
    assert len(supplies) == 2 and {e.status for e in supplies} == {"possible"}
    # without a possible deal before it, "in return" changes nothing
    doc = analyse("وأرسلت مصر القمح إلى روسيا. وفي المقابل، ستزود موسكو القاهرة بالأسلحة.")
    assert [e.status for e in doc.events if e.type == "AID"] == ["planned"]


def test_a_place_after_a_noun_of_place_is_where_not_who(analyse: Analyse) -> None:
    doc = analyse("وأدى انفجار سيارة مفخخة وسط بغداد إلى مقتل شخصين.")
    baghdad = {m.actor for m in doc.mentions if m.text == "بغداد"}
    assert baghdad
    for e in doc.events:
        assert not baghdad & set(e.actor + e.recipient), e


def test_an_unvocalised_verb_before_a_count_is_passive(analyse: Analyse) -> None:
    doc = analyse("وقتل خمسة أشخاص أمس في هجوم انتحاري على سوق شعبي في بغداد.")
    killed = next(e for e in doc.events if e.trigger.text.endswith("قتل"))
    assert killed.actor == [] and names(doc, killed.recipient) == ["Iraq civilians"]
    # Baghdad, after في, is where it happened: no event takes it as a party
    baghdad = {m.actor for m in doc.mentions if m.text == "بغداد"}
    assert all(not baghdad & set(e.actor + e.recipient) for e in doc.events)
    # an active verb names its doer first
    doc = analyse("وقتل مسلحون أمس ثلاثة جنود في هجوم على حاجز في بغداد.")
    killed = next(e for e in doc.events if e.trigger.text.endswith("قتل"))
    assert names(doc, killed.actor) == ["Iraq armed group"]
    # "من" alone is "among", not the agent of the passive
    doc = analyse("وقتل أمس أربعة أشخاص بينهم عنصران من الشرطة في انفجار في بغداد.")
    killed = next(e for e in doc.events if e.trigger.text.endswith("قتل"))
    assert "police" not in names(doc, killed.actor)


def test_a_nationality_qualifying_a_place_is_no_party(analyse: Analyse) -> None:
    doc = analyse("وأقدم أمس متظاهرون غاضبون في الجنوب اللبناني على قطع الطريق الدولية.")
    blocking = event(doc, "PROTEST")
    assert names(doc, blocking.actor) == ["Lebanon protesters"]


def test_a_day_inside_an_english_phrase_and_an_auxiliary_subject(analyse: Analyse) -> None:
    # "called Thursday on" is still "call on"
    doc = analyse(
        "The mayor of Lyon called Thursday on the unions to end the strike.", language="en"
    )
    assert event(doc, "REQUEST").trigger.text.startswith("called")
    # "has" is no reporting verb: the subject of "has offered" acts, not the newspaper
    doc = analyse(
        "Norway has offered to host the talks next month, a Danish newspaper said.", language="en"
    )
    assert names(doc, event(doc, "AGREE").actor) == ["Norway"]


def test_an_event_noun_naming_an_organisation_or_weapon_is_no_event(analyse: Analyse) -> None:
    doc = analyse("Two aid groups donated food to Chile.", language="en")
    assert [e.trigger.text for e in doc.events if e.type == "AID"] == ["donated"]
    doc = analyse("Peru bought attack helicopters from Chile.", language="en")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_an_english_trigger_inside_an_organisations_name_is_no_event(analyse: Analyse) -> None:
    # "amnesty" alone is a concession; in the organisation's name it is none
    doc = analyse("Amnesty International met in London.", language="en")
    assert [e.type for e in doc.events] == ["CONSULT"]


def test_an_english_passive_with_its_agent_after_by(analyse: Analyse) -> None:
    # any verb with "by" after it is passive; "the" may stand between "by" and the agent
    doc = analyse("The convoy was attacked by the rebels near Goma.", language="en")
    assert [doc.actor(i).sector for i in event(doc, "ASSAULT").actor] == ["REB"]  # type: ignore[union-attr]
    # the patient stands before an English passive, not among the words after it
    doc = analyse("The Chilean minister was indicted by a court in Lima.", language="en")
    indicted = event(doc, "ACCUSE")
    assert [doc.actor(i).country for i in indicted.recipient] == ["CHL"]  # type: ignore[union-attr]


def test_a_participle_after_a_comma_is_the_main_subjects_act(analyse: Analyse) -> None:
    doc = analyse(
        "Chilean troops shelled a camp near the Peruvian border, killing or wounding 50, "
        "Bolivian officials said.",
        language="en",
    )
    for e in doc.events:
        if e.trigger.text in ("killing", "wounding"):
            assert [doc.actor(i).country for i in e.actor] == ["CHL"], e  # type: ignore[union-attr]
    assert {e.trigger.text for e in doc.events} >= {"killing", "wounding"}


def test_a_conditional_inside_a_relative_clause_leaves_the_main_clause_alone(
    analyse: Analyse,
) -> None:
    text = "Peru released the sailors, who would only talk if Bolivia paid."
    assert event(analyse(text, language="en"), "RETREAT").status == "asserted"
    # without the relative clause the condition governs the whole sentence
    text = "Peru released the sailors if Bolivia paid."
    assert event(analyse(text, language="en"), "RETREAT").status == "possible"


def test_an_arabic_verb_whose_subject_is_its_victim(analyse: Analyse) -> None:
    # أصيب، استشهد، اغتيل: who is named is who it befell, never who did it
    for text in [
        "أصيب سفير بولندا أمس في بغداد.",
        "أصيب جندي إسرائيلي بنيران قناصة.",
    ]:
        doc = analyse(text)
        attack = event(doc, "ASSAULT")
        assert attack.actor == [] and len(attack.recipient) == 1, (text, attack)


def test_a_weapons_genitive_wields_it(analyse: Analyse) -> None:
    doc = analyse("وقتل ثلاثة مدنيين برصاص الجيش الإسرائيلي في غزة.")
    shots = [e for e in doc.events if "رصاص" in e.trigger.text]
    assert shots and names(doc, shots[0].actor) == ["Israel Defense Forces"]


def test_a_country_before_backed_qualifies_the_group_after_it(analyse: Analyse) -> None:
    doc = analyse("Iran-backed Houthis attacked the ship.", language="en")
    assert names(doc, event(doc, "ASSAULT").actor) == ["Houthis"]
    doc = analyse("Iran backed the Houthis.", language="en")
    assert names(doc, event(doc, "SUPPORT").actor) == ["Iran"]


def test_the_parties_between_whom_a_reciprocal_event_runs_are_its_actors(
    analyse: Analyse,
) -> None:
    doc = analyse("Talks between Chile and Peru resumed in Lima.", language="en")
    talks = event(doc, "CONSULT")
    assert set(names(doc, talks.actor)) == {"Chile", "Peru"} and talks.recipient == []
    doc = analyse("وبدأت محادثات بين إيران والولايات المتحدة في مسقط.")
    talks = event(doc, "CONSULT")
    assert set(names(doc, talks.actor)) == {"Iran", "United States"} and talks.recipient == []
    # a one-sided act keeps its recipient
    doc = analyse("Chile attacked Peru.", language="en")
    assert names(doc, event(doc, "ASSAULT").recipient) == ["Peru"]


def test_protesters_heading_somewhere_march_rather_than_visit(analyse: Analyse) -> None:
    doc = analyse("وتوجه المتظاهرون إلى مقر الحكومة في بغداد.")
    assert [(e.type, e.mode) for e in doc.events] == [("PROTEST", "demo")]
    # a minister heading somewhere still visits
    doc = analyse("وتوجه وزير الخارجية المصري إلى بغداد.")
    assert [(e.type, e.mode) for e in doc.events] == [("CONSULT", "visit")]


def test_a_protest_is_against_the_party_after_against(analyse: Analyse) -> None:
    doc = analyse("وتظاهر الآلاف في عمان ضد الحكومة الأردنية أمس.")
    protest = event(doc, "PROTEST")
    assert [doc.actor(i).country for i in protest.recipient] == ["JOR"]  # type: ignore[union-attr]
    doc = analyse(
        "Thousands of students protested outside the Chilean embassy in Lima.", language="en"
    )
    protest = event(doc, "PROTEST")
    assert [doc.actor(i).country for i in protest.recipient] == ["CHL"]  # type: ignore[union-attr]


def test_qad_before_a_past_verb_starting_with_ta_asserts(analyse: Analyse) -> None:
    # قد + past is emphatic (تظاهروا is past, though it starts with ت); قد + imperfect is "may"
    doc = analyse("وكان الآلاف قد تظاهروا في عمان ضد الحكومة.")
    assert event(doc, "PROTEST").status == "asserted"
    doc = analyse("قد تتظاهر النقابات في عمان ضد الحكومة.")
    assert event(doc, "PROTEST").status == "possible"


def test_a_verb_after_and_shares_the_first_verbs_subject(analyse: Analyse) -> None:
    doc = analyse("Police arrested the mayor of Lima and charged him with fraud.", language="en")
    charged = [e for e in doc.events if e.trigger.text.startswith("charged")]
    assert charged and names(doc, charged[0].actor) == names(doc, event(doc, "COERCE").actor)
    doc = analyse("Protesters marched to the parliament and arrived at the gates.", language="en")
    assert {e.type for e in doc.events} == {"PROTEST"}


def test_the_attack_that_killed_befell_the_same_victims(analyse: Analyse) -> None:
    # the soldiers were killed in the attack: they are its victims, not its doers
    doc = analyse("Three Chilean soldiers were killed in a bomb attack near Arica.", language="en")
    for e in doc.events:
        assert [doc.actor(i).country for i in e.recipient] == ["CHL"], e  # type: ignore[union-attr]
        assert e.actor == [], e
    doc = analyse("وأعلنت الشرطة مقتل سبعة جنود أردنيين بتفجير انتحاري في الزرقاء.")
    bombing = next(e for e in doc.events if "تفجير" in e.trigger.text)
    assert [doc.actor(i).country for i in bombing.recipient] == ["JOR"]  # type: ignore[union-attr]


def test_a_doer_verb_after_an_event_noun_names_its_actor(analyse: Analyse) -> None:
    # هجوم شنه مسلحون: the pronoun on شن points back to the attack; its subject did it
    doc = analyse("قتل أربعة جنود في هجوم شنه مسلحون على ثكنة عسكرية.")
    attack = next(e for e in doc.events if e.trigger.text == "هجوم")
    actors = {a.id: a for a in doc.actors}
    assert [actors[i].sector for i in attack.actor] == ["UAF"]
    doc = analyse("اندلعت أعمال شغب خلال مظاهرة نظمها محتجون ضد الحكومة.")
    march = next(e for e in doc.events if e.trigger.text == "مظاهرة")
    assert names(doc, march.actor) == ["protesters"]
    assert "protesters" not in names(doc, march.recipient)


def test_a_suicide_bomber_acts_and_a_suicide_attack_names_no_bomber(analyse: Analyse) -> None:
    doc = analyse("فجر انتحاري نفسه وسط سوق شعبي في المدينة.")
    assert names(doc, event(doc, "ASSAULT").actor) == ["suicide bombers"]
    # in "هجوم انتحاري" the word qualifies the attack: the victims are no bombers, and
    # nobody is made the bomber
    doc = analyse("قتل أربعة أشخاص وأصيب ستة آخرون بهجوم انتحاري غرب المدينة.")
    for found in doc.events:
        assert "suicide bombers" not in names(doc, found.actor + found.recipient), found


def test_an_arabic_verb_phrase_with_its_subject_inside(analyse: Analyse) -> None:
    # VSO: the subject stands between the verb and the rest of its phrase
    doc = analyse("فتحت قوات الأمن النار على المتظاهرين في وسط المدينة.")
    shots = event(doc, "ASSAULT")
    assert shots.trigger.text == "فتحت"
    assert names(doc, shots.actor) == ["police"] and names(doc, shots.recipient) == ["protesters"]
    doc = analyse("أطلقت السلطات الإيرانية أمس سراح صحفي أمريكي.")
    assert names(doc, event(doc, "RETREAT").actor) == ["Iran government"]


def test_a_count_before_an_unvocalised_verb_makes_its_people_the_victims(
    analyse: Analyse,
) -> None:
    doc = analyse("وقالت الشرطة إن 22 شخصا على الأقل قتلوا في الهجوم.")
    killing = event(doc, "ASSAULT")
    assert killing.actor == [] and names(doc, killing.recipient) == ["civilians"]
    # with its object after it the verb is active: the counted gunmen killed
    doc = analyse("وقال إن ثلاثة مسلحين قتلوا جنديا في الهجوم.")
    killing = event(doc, "ASSAULT")
    assert names(doc, killing.actor) == ["armed group"]
    assert names(doc, killing.recipient) == ["military"]


def test_an_unvocalised_verb_going_straight_on_to_where_or_why_is_passive(
    analyse: Analyse,
) -> None:
    # "قد قتل في هجوم": no object after the verb, so the minister was killed, not killer
    doc = analyse("وكان الوزير السابق قد قتل في هجوم انتحاري في مدينة كويتا.")
    killing = event(doc, "ASSAULT")
    assert killing.actor == [] and names(doc, killing.recipient) == ["Minister"]
    # the strike's nationality inside the phrase after the verb is no victim of the killing
    doc = analyse("وقال مصدر إن ثمانية اشخاص قتلوا جراء ضربة جوية اميركية قرب تكريت.")
    strike = next(e for e in doc.events if e.trigger.text == "ضربة جوية")
    assert names(doc, strike.actor) == ["United States"]
    assert "United States" not in names(doc, strike.recipient)
    # a day between the verb and the phrase changes nothing
    doc = analyse("وقال مصدر إن ثمانية اشخاص قتلوا أمس جراء ضربة جوية اميركية قرب تكريت.")
    killing = next(e for e in doc.events if e.trigger.text == "قتلوا")
    assert killing.actor == [] and "United States" not in names(doc, killing.recipient)


def test_who_survives_an_attack_is_its_target(analyse: Analyse) -> None:
    doc = analyse("نجا قائد شرطة المدينة أمس من محاولة اغتيال بسيارة مفخخة غرب بغداد.")
    attempt = next(e for e in doc.events if e.trigger.text == "محاولة اغتيال")
    assert attempt.actor == [] and attempt.recipient
    # without the verb of surviving the subject before the noun is still its actor
    doc = analyse("نفذ مسلحون أمس محاولة اغتيال بسيارة مفخخة غرب بغداد.")
    attempt = next(e for e in doc.events if e.trigger.text == "محاولة اغتيال")
    assert names(doc, attempt.actor) == ["Iraq armed group"]


def test_a_day_between_the_verb_and_its_object_does_not_part_them(analyse: Analyse) -> None:
    doc = analyse("وخطف مسلحون مجهولون أمس أربعة فرنسيين من فندق في وسط بغداد.")
    kidnapping = event(doc, "ASSAULT")
    assert names(doc, kidnapping.recipient) == ["France"]
    assert "France" not in names(doc, kidnapping.actor)


def test_a_protest_with_no_actor_of_its_own_is_the_sentences_crowds(analyse: Analyse) -> None:
    doc = analyse("اندلعت أعمال شغب في العاصمة وسط غضب المتظاهرين من قرار الحكومة.")
    assert names(doc, event(doc, "PROTEST").actor) == ["protesters"]
    # a protest whose clause names its actor keeps it
    doc = analyse("نظم الطلاب مظاهرة أمام الجامعة بينما راقب المتظاهرون من بعيد.")
    assert "protesters" not in names(doc, event(doc, "PROTEST").actor)


def test_a_nationality_qualifying_the_sources_is_no_actor(analyse: Analyse) -> None:
    # "مصادر أمنية وطبية عراقية": Iraq qualifies who reports the blast, not who set it off
    doc = analyse(
        "وأعلنت مصادر أمنية وطبية عراقية مقتل ستة أشخاص في انفجار سيارة مفخخة في المدينة."
    )
    assert [e.actor for e in doc.events if e.type == "ASSAULT"]
    assert all(e.actor == [] for e in doc.events if e.type == "ASSAULT")
    # a nationality further on, after "إن", is the force's own
    doc = analyse("وقال مسؤولون إن قوة إسرائيلية اقتحمت البلدة فجرا.")
    assert names(doc, event(doc, "COERCE").actor) == ["Israel"]


def test_an_english_event_noun_takes_its_doer_after_by(analyse: Analyse) -> None:
    # "the attack" is the noun: Hamas, named after "by", made it; nobody made Hamas suffer it
    doc = analyse("The attack by Hamas militants killed three Israeli soldiers.", language="en")
    attack = next(e for e in doc.events if e.trigger.text == "attack")
    assert names(doc, attack.actor) == ["Hamas"] and attack.recipient == []
    doc = analyse("Police said a bombing carried out by ISIS killed 20 people.", language="en")
    bombing = next(e for e in doc.events if e.trigger.text == "bombing")
    assert names(doc, bombing.actor) == ["Islamic State"]
