"""The whole pipeline never crashes on odd text: every input gives a valid document or a
clear input error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar
from khabar.errors import InputError

# Words that exercise every stage: names, titles, triggers, cues, dates, punctuation.
WORDS = (
    "قال نفى اتهم الرئيس الروسي فلاديمير بوتين موسكو و ب ل الذي التي إلى مع في أن إن "
    "سيزور زيارة هجوم قصف بالصواريخ مصادر استخباراتية كورية جنوبية الجيش العراقي "
    'أمس الشهر الماضي 2019 « » " ، . ؟ : - ( ) نقلا عن وكالة إنترفاكس '
    'said denied Russia Kim will visit attack by the in . , " officials'
).split()

nlp = khabar.load(statistical_ner=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), st.sampled_from(["ar", "en"]))
def test_pipeline_never_crashes(words: list[str], language: str) -> None:
    text = " ".join(words)
    try:
        doc = nlp(text, published="2023-09-05", language=language)
    except InputError:
        return
    for mention in doc.mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    ids = {a.id for a in doc.actors}
    for event in doc.events:
        assert set(event.actor) <= ids and set(event.recipient) <= ids
