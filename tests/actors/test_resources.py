"""Tests of the actor resources and their loaders (khabar.actors.resources)."""

from __future__ import annotations

import collections
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.actors import resources as res
from khabar.errors import ResourceError

ARAB_LEAGUE = "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split()
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
REQUIRED = sorted(set(ARAB_LEAGUE + G20 + ["IRN", "ISR", "TUR", "PRK"]))
# States with no defence minister in the dictionary: none exists (PSE; Libya and Djibouti have
# no distinct long-serving holder), or no holder is known here with certainty. Listed so that a
# new gap fails the test instead of passing silently.
NO_DEFENCE_MINISTER = {"BHR", "COM", "DJI", "KWT", "LBY", "MRT", "PSE", "SDN", "SOM"}


@pytest.fixture(scope="module")
def actors() -> list[res.ActorEntry]:
    return res.load_actor_dictionary()


def _offices(actors: list[res.ActorEntry], country: str, offices: set[str]) -> list[res.Role]:
    return [r for a in actors for r in a.roles if r.country == country and r.office in offices]


# ---------------------------------------------------------------------------- shipped files


def test_gazetteers_load() -> None:
    countries = res.load_countries()
    assert len(countries) >= 249
    assert countries["RUS"].names_ar[0] == "روسيا"
    assert "موسكو" in countries["RUS"].capitals_ar
    assert countries["USA"].wikidata == "Q30"
    cities = res.load_cities()
    assert len(cities) > 5000
    capitals = {c.geonames for c in cities if c.feature_code == "PPLC"}
    assert all(c.capital_geonames in capitals for c in countries.values() if c.capital_geonames)
    assert any("دمشق" in c.names_ar and c.country == "SYR" for c in cities)


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("الروسي", "RUS"),
        ("الروسية", "RUS"),
        ("روسي", "RUS"),
        ("روسية", "RUS"),
        ("الروس", "RUS"),
        ("الأمريكية", "USA"),
        ("الأميركي", "USA"),
        ("الكوري الجنوبي", "KOR"),
        ("كورية جنوبية", "KOR"),
        ("الكورية الشمالية", "PRK"),
        ("العراقي", "IRQ"),
        ("السوريين", "SYR"),
        ("الفلسطيني", "PSE"),
        ("الإماراتية", "ARE"),
        ("السعودي", "SAU"),
        ("البريطاني", "GBR"),
        ("النمساوي", "AUT"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("South Korean", "KOR"),
    ],
)
def test_nisba_forms(form: str, iso3: str) -> None:
    assert iso3 in {n.iso3 for n in res.load_nisba() if n.form == form}


def test_nisba_rules_do_not_produce_known_errors() -> None:
    forms = {n.form for n in res.load_nisba()}
    assert not forms & {"روسيي", "الروسيي", "نمسي", "ولاياتي", "روسي اتحادي"}
    assert all(n.ambiguous for n in res.load_nisba() if n.form in {"مالي", "المالية"})


def test_lexicons_load() -> None:
    titles = {(t.text, t.lang): t for t in res.load_titles()}
    assert titles[("الرئيس", "ar")].sector == "GOV"
    assert titles[("وزير الدفاع", "ar")].context == "military"
    assert titles[("قائد الجيش", "ar")].sector == "MIL"
    assert titles[("المتحدث باسم", "ar")].sector is None
    institutions = {(i.text, i.lang): i for i in res.load_institutions()}
    assert institutions[("الجيش", "ar")].sector == "MIL"
    assert institutions[("الشرطة", "ar")].sector == "COP"
    assert institutions[("المعارضة", "ar")].sector == "OPP"
    assert institutions[("الاستخبارات", "ar")].sector == "SPY"
    anonymous = {(a.text, a.lang): a for a in res.load_anonymous()}
    assert anonymous[("مصادر استخباراتية", "ar")].sector == "SPY"
    assert ("officials", "en") in anonymous


def test_metonyms_include_buildings_and_capitals_but_not_blocked() -> None:
    metonyms = {(m.text, m.lang): m for m in res.load_metonyms()}
    assert (metonyms[("الكرملين", "ar")].country, metonyms[("الكرملين", "ar")].sector) == (
        "RUS",
        "GOV",
    )
    assert metonyms[("البنتاغون", "ar")].sector == "MIL"
    assert metonyms[("موسكو", "ar")].country == "RUS"
    assert metonyms[("بيونغ يانغ", "ar")].country == "PRK"
    assert metonyms[("Washington", "en")].country == "USA"
    assert ("القدس", "ar") not in metonyms
    # Amman's Arabic name is also Oman's: it must not become a metonym of either.
    assert ("عمان", "ar") not in metonyms


def test_actor_dictionary_shape(actors: list[res.ActorEntry]) -> None:
    assert len(actors) >= 500
    ids = [a.id for a in actors]
    assert len(ids) == len(set(ids))
    kinds = collections.Counter(a.kind for a in actors)
    assert kinds["person"] >= 300 and kinds["media"] >= 50 and kinds["org"] >= 50
    assert all(a.name_ar for a in actors), "every shipped entry has an Arabic name"
    assert all(res.WIKIDATA_RE.match(a.wikidata) for a in actors if a.wikidata)


def test_unambiguous_forms_belong_to_one_actor(actors: list[res.ActorEntry]) -> None:
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for actor in actors:
        for form in (*actor.forms_ar, *actor.forms_en):
            owners[form].add(actor.id)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert not shared, f"put these in `short`: {shared}"


@pytest.mark.parametrize("iso3", REQUIRED)
def test_required_states_have_head_of_state_and_foreign_minister(
    actors: list[res.ActorEntry], iso3: str
) -> None:
    assert _offices(actors, iso3, {"hos", "leader"}), f"{iso3}: no head of state"
    assert _offices(actors, iso3, {"fm"}), f"{iso3}: no foreign minister"


@pytest.mark.parametrize("iso3", sorted(set(REQUIRED) - NO_DEFENCE_MINISTER))
def test_required_states_have_defence_minister(actors: list[res.ActorEntry], iso3: str) -> None:
    assert _offices(actors, iso3, {"dm"}), f"{iso3}: no defence minister"


@pytest.mark.parametrize("iso3", [*G20, "IRN", "ISR", "PRK"])
def test_dated_holders_in_2023(actors: list[res.ActorEntry], iso3: str) -> None:
    for offices in ({"hos", "leader"}, {"fm"}):
        roles = _offices(actors, iso3, offices)
        assert any(r.active_on("2023-06-01") for r in roles), f"{iso3} {offices} in mid-2023"


def test_role_dates_resolve_office_holders(actors: list[res.ActorEntry]) -> None:
    by_id = {a.id: a for a in actors}
    assert by_id["sergei-shoigu"].roles_on("2023-09-05")[0].office == "dm"
    assert not [r for r in by_id["sergei-shoigu"].roles_on("2024-06-01") if r.office == "dm"]
    assert by_id["kim-jong-un"].wikidata == "Q56226"
    assert "كيم جونغ اون" in by_id["kim-jong-un"].aliases_ar
    assert "كيم" in by_id["kim-jong-un"].short
    assert by_id["reuters"].kind == "media" and by_id["reuters"].sector == "MED"


@pytest.mark.parametrize(
    "actor_id",
    "un nato eu arab-league gcc african-union iaea who unrwa houthis hezbollah hamas isis "
    "wagner-group cia mossad nis-korea russian-army idf irgc reuters afp ap interfax yonhap "
    "kcna sana wam spa al-jazeera".split(),
)
def test_required_organisations_present(actors: list[res.ActorEntry], actor_id: str) -> None:
    assert actor_id in {a.id for a in actors}


def test_partial_dates_cover_their_whole_period() -> None:
    role = res.Role("dm", "Minister", "ISR", None, "2024-11", "2025")
    assert role.active_on("2024-11-01") and role.active_on("2025-12-31")
    assert not role.active_on("2024-10-31") and not role.active_on("2026-01-01")


def test_state_actors() -> None:
    states = {s.id: s for s in res.load_state_actors()}
    assert states["state-rus"].name_ar == "روسيا" and states["state-rus"].kind == "state"


# ---------------------------------------------------------------------------- user files


def _write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[[actor]]
id = "reuters"
name = "Reuters (house style)"
name_ar = "رويترز"
kind = "media"
sector = "MED"
country = "GBR"

[[actor]]
id = "local-governor"
name = "A. Governor"
name_ar = "محافظ المدينة"
kind = "person"
sector = "GOV"
country = "EGY"
roles = [{office = "other", title = "Governor", from = "2022-01"}]
""",
    )
    merged = {a.id: a for a in res.load_actor_dictionary((path,))}
    assert merged["reuters"].name == "Reuters (house style)"
    assert merged["local-governor"].roles[0].country == "EGY"
    assert merged["local-governor"].source == str(path)
    # The shipped dictionary is untouched.
    shipped = {a.id: a for a in res.load_actor_dictionary()}
    assert shipped["reuters"].name == "Reuters"


_GOOD = """
[[actor]]
id = "x-actor"
name = "X"
kind = "person"
sector = "GOV"
country = "RUS"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_GOOD.replace('"GOV"', '"XXX"'), "unknown sector"),
        (_GOOD.replace('"RUS"', '"RUX"'), "bad ISO3"),
        (_GOOD.replace('"RUS"', '"ru"'), "bad ISO3"),
        (_GOOD + _GOOD, "duplicate id"),
        (_GOOD + 'wikidata = "7747"\n', "bad Wikidata id"),
        (_GOOD.replace('"person"', '"robot"'), "unknown kind"),
        (_GOOD.replace('"x-actor"', '"X Actor"'), "lowercase slug"),
        (_GOOD + "nickname = 'x'\n", "unknown keys"),
        (_GOOD + 'roles = [{office = "boss", title = "B"}]\n', "unknown office"),
        (_GOOD + 'roles = [{office = "hos", title = "P", from = "2020/01"}]\n', "YYYY"),
        (_GOOD + 'roles = [{office = "hos", title = "P", from = "2020", to = "2019"}]\n', "ends"),
        (_GOOD + 'roles = [{office = "hos", title = "P", org = "no-such-org"}]\n', "not a known"),
        (_GOOD + 'aliases_ar = "بوتين"\n', "list of non-empty strings"),
        ("[[actor]\nid=", "not valid TOML"),
    ],
)
def test_bad_user_entries_raise(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ResourceError, match=message) as info:
        res.load_actor_dictionary((path,))
    assert str(path) in str(info.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="not found"):
        res.load_actor_dictionary((tmp_path / "absent.toml",))


# ---------------------------------------------------------------------------- bad TSV data


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped data whose files a test may break; caches are reset around it."""
    for source in res.DATA_DIR.iterdir():
        if source.suffix in {".tsv", ".toml"} and source.name != "cities.tsv":
            (tmp_path / source.name).write_bytes(source.read_bytes())
    loaders = (
        res.load_countries,
        res.load_nisba,
        res.load_cities,
        res.load_titles,
        res.load_institutions,
        res.load_metonyms,
        res.load_anonymous,
        res._load_actor_dictionary,
    )
    for loader in loaders:
        loader.cache_clear()
    monkeypatch.setattr(res, "DATA_DIR", tmp_path)
    yield tmp_path
    monkeypatch.undo()
    for loader in loaders:
        loader.cache_clear()


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def test_tsv_unknown_sector_names_file_and_line(data_dir: Path) -> None:
    path = data_dir / "institutions.tsv"
    _append(path, "الجيش الخاص\tar\tARMY\torg\t\t\t")
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(ResourceError, match=rf"institutions\.tsv:{line}: unknown sector"):
        res.load_institutions()


def test_tsv_bad_iso3(data_dir: Path) -> None:
    _append(data_dir / "metonyms.tsv", "قصر ما\tar\tZZZ\tGOV\tbuilding\t\t")
    with pytest.raises(ResourceError, match=r"metonyms\.tsv:.*bad ISO3"):
        res.load_metonyms()


def test_tsv_wrong_cell_count_and_header(data_dir: Path) -> None:
    _append(data_dir / "anonymous.tsv", "مصادر\tar")
    with pytest.raises(ResourceError, match=r"anonymous\.tsv:.*tab-separated"):
        res.load_anonymous()
    (data_dir / "titles.tsv").write_text("text\tlanguage\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"titles\.tsv:1: header"):
        res.load_titles()


def test_duplicate_id_across_shipped_files(data_dir: Path) -> None:
    _write(data_dir, _GOOD.replace('"x-actor"', '"reuters"'), name="zz_extra.toml")
    with pytest.raises(ResourceError, match="duplicate id"):
        res.load_actor_dictionary()


def test_missing_file(data_dir: Path) -> None:
    (data_dir / "nisba.tsv").unlink()
    with pytest.raises(ResourceError, match="missing"):
        res.load_nisba()
